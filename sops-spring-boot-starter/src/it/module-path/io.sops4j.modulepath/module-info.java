/**
 * An application that runs on the module path: the starter and sops-core as automatic modules, beside
 * Spring Boot's. snakeyaml-engine and Bouncy Castle are explicit modules, which automatic modules do
 * not pull into the module graph, so the application requires them itself.
 */
module io.sops4j.modulepath {
    requires io.sops4j.spring;
    requires io.sops4j.core;
    requires spring.boot;
    requires spring.context;
    requires spring.core;
    requires org.snakeyaml.engine;
    requires org.bouncycastle.pg;

    opens io.sops4j.modulepath to spring.core, spring.beans, spring.context;
}
