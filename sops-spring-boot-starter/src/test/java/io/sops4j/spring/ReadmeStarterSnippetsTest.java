package io.sops4j.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's Spring Boot section against the starter as built: the properties it documents are
 * exactly those of the generated configuration metadata, and the dependency it shows is this artifact
 * at this version.
 */
class ReadmeStarterSnippetsTest {

    private static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");
    private static final Pattern PROPERTY_ROW = Pattern.compile("^\\| `(sops\\.[\\w.-]+)` \\|", Pattern.MULTILINE);
    private static final Pattern METADATA_NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"");

    @Test
    void theDocumentedPropertiesAreThoseOfTheConfigurationMetadata() throws IOException {
        Set<String> documented = new TreeSet<>();
        Matcher row = PROPERTY_ROW.matcher(section());
        while (row.find()) {
            documented.add(row.group(1));
        }
        String metadata = Files.readString(METADATA);
        int properties = metadata.indexOf("\"properties\"");
        assertThat(properties).as("metadata has properties").isNotNegative();
        int end = metadata.indexOf(']', properties);
        Set<String> declared = new TreeSet<>();
        Matcher name = METADATA_NAME.matcher(metadata.substring(properties, end));
        while (name.find()) {
            declared.add(name.group(1));
        }
        assertThat(declared).isNotEmpty();
        assertThat(documented).isEqualTo(declared);
    }

    @Test
    void theDependencyIsThisArtifactAtThisVersion() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher parentVersion = Pattern.compile("<parent>.*?<version>([^<]+)</version>", Pattern.DOTALL).matcher(pom);
        assertThat(parentVersion.find()).isTrue();
        assertThat(section()).contains("""
                ```xml
                <dependency>
                  <groupId>io.sops4j</groupId>
                  <artifactId>sops-spring-boot-starter</artifactId>
                  <version>%s</version>
                </dependency>
                ```""".formatted(parentVersion.group(1)));
    }

    @Test
    void theImportExampleUsesThePrefixOfThePropertySources() throws IOException {
        Matcher imports = Pattern.compile("import: (.+)").matcher(section());
        assertThat(imports.find()).isTrue();
        for (String location : imports.group(1).split(",\\s*")) {
            assertThat(location.replaceFirst("^optional:", "")).startsWith(SopsPropertySource.NAME_PREFIX);
        }
    }

    private static String section() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        int start = readme.indexOf("## Spring Boot starter");
        assertThat(start).as("README has a Spring Boot section").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }
}
