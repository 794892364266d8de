package io.sops4j.modulepath;

import io.sops4j.Sops;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/** Imports a SOPS file through {@code spring.config.import} and reports where each part was loaded from. */
public class ModulePathApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(ModulePathApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context = application.run(args)) {
            Environment environment = context.getEnvironment();
            for (PropertySource<?> source : context.getEnvironment().getPropertySources()) {
                if (source.getName().startsWith("sops:")) {
                    System.out.println("sops property source in " + source.getClass().getModule());
                }
            }
            System.out.println("sops-core in " + Sops.class.getModule());
            System.out.println("application in " + ModulePathApplication.class.getModule());
            System.out.println("database.pool_size_unencrypted=" + environment.getProperty("database.pool_size_unencrypted"));
            System.out.println("database.password bound: " + environment.containsProperty("database.password"));
        }
    }
}
