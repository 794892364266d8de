package io.sops4j.example;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.context.config.annotation.RefreshScope;
import org.springframework.stereotype.Component;

/** Feature switches from secrets.sops.yaml; built anew after {@code POST /actuator/refresh}. */
@Component
@RefreshScope
public class CheckoutFeatures {

    private final boolean newCheckout;
    private final double rolloutPercentage;

    CheckoutFeatures(@Value("${features.new_checkout}") boolean newCheckout,
            @Value("${features.rollout_percentage}") double rolloutPercentage) {
        this.newCheckout = newCheckout;
        this.rolloutPercentage = rolloutPercentage;
    }

    public boolean newCheckout() {
        return newCheckout;
    }

    public double rolloutPercentage() {
        return rolloutPercentage;
    }
}
