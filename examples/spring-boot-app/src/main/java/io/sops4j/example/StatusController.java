package io.sops4j.example;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Shows which secrets are configured, never their values. */
@RestController
class StatusController {

    private final DatabaseProperties database;
    private final ApiProperties api;
    private final CheckoutFeatures features;

    StatusController(DatabaseProperties database, ApiProperties api, CheckoutFeatures features) {
        this.database = database;
        this.api = api;
        this.features = features;
    }

    @GetMapping("/status")
    Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("databasePort", database.getPort());
        status.put("databasePasswordConfigured", database.getPassword() != null && !database.getPassword().isEmpty());
        status.put("stripeKeyConfigured", api.stripeKey() != null);
        status.put("allowedOrigins", api.allowedOrigins().size());
        status.put("newCheckout", features.newCheckout());
        status.put("rolloutPercentage", features.rolloutPercentage());
        return status;
    }
}
