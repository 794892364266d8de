package io.sops4j.example;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Shows which secrets are configured, never their values. */
@RestController
class StatusController {

    private final DatabaseProperties database;
    private final ApiProperties api;
    private final boolean newCheckout;

    StatusController(DatabaseProperties database, ApiProperties api, @Value("${features.new_checkout}") boolean newCheckout) {
        this.database = database;
        this.api = api;
        this.newCheckout = newCheckout;
    }

    @GetMapping("/status")
    Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("databasePort", database.port());
        status.put("databasePasswordConfigured", database.password() != null && !database.password().isEmpty());
        status.put("stripeKeyConfigured", api.stripeKey() != null);
        status.put("allowedOrigins", api.allowedOrigins().size());
        status.put("newCheckout", newCheckout);
        return status;
    }
}
