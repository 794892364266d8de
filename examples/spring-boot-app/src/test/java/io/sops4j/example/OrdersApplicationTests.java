package io.sops4j.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.sops4j.spring.SopsPropertySource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.ConfigurableEnvironment;

/** The running web application, its bound secrets, and what the actuator shows over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrdersApplicationTests {

    @Value("${local.server.port}")
    int port;

    @Autowired
    DatabaseProperties database;

    @Autowired
    ApiProperties api;

    @Autowired
    AppProperties app;

    @Autowired
    ConfigurableEnvironment environment;

    @Test
    void bindsDecryptedValues() {
        assertThat(database.getHost()).isEqualTo("db.internal.example");
        assertThat(database.getPort()).isEqualTo(5432);
        assertThat(database.getPassword()).isEqualTo("s3cr3t-Pa55w0rd");
        assertThat(database.getPoolSizeUnencrypted()).isEqualTo(10);
        assertThat(api.stripeKey()).isEqualTo("sk_test_51HxDemoKeyNotReal");
        assertThat(api.allowedOrigins()).containsExactly("https://shop.example", "https://admin.example");
        assertThat(app.datasourceUrl()).isEqualTo("postgres://orders:s3cr3t-Pa55w0rd@db.internal.example:5432/orders");
        assertThat(environment.getProperty("tls.certificate")).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(environment.getPropertySources().get("sops:classpath:secrets.sops.yaml"))
                .isInstanceOf(SopsPropertySource.class);
    }

    @Test
    void servesRequests() throws Exception {
        HttpResponse<String> status = get("/status");
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("\"databasePort\":5432", "\"databasePasswordConfigured\":true",
                "\"allowedOrigins\":2", "\"newCheckout\":true");
    }

    @Test
    void actuatorEnvMasksEverySopsValueAlthoughValuesAreShown() throws Exception {
        HttpResponse<String> env = get("/actuator/env");
        assertThat(env.statusCode()).isEqualTo(200);
        assertThat(env.body()).contains("sops:classpath:secrets.sops.yaml", "\"database.password\"", "******",
                "\"spring.application.name\"", "\"value\":\"orders\"", "\"value\":\"false\"");
        assertNoSecret(env.body());

        HttpResponse<String> single = get("/actuator/env/database.password");
        assertThat(single.statusCode()).isEqualTo(200);
        assertThat(single.body()).contains("sops:classpath:secrets.sops.yaml", "******");
        assertNoSecret(single.body());

        HttpResponse<String> copied = get("/actuator/env/app.datasource-url");
        assertNoSecret(copied.body());
    }

    @Test
    void actuatorConfigpropsMasksBoundSecrets() throws Exception {
        HttpResponse<String> configprops = get("/actuator/configprops");
        assertThat(configprops.statusCode()).isEqualTo(200);
        assertThat(configprops.body()).contains("\"database\"", "\"poolSizeUnencrypted\"", "\"datasourceUrl\"", "******");
        assertNoSecret(configprops.body());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void assertNoSecret(String body) {
        for (String secret : Secrets.VALUES) {
            assertThat(body).as("response body").doesNotContain(secret);
        }
    }
}
