package io.sops4j.example;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bound from the {@code database} mapping of secrets.sops.yaml ({@code pool_size_unencrypted} by relaxed
 * binding). A JavaBean, so that {@code POST /actuator/refresh} binds a rotated password into it.
 */
@ConfigurationProperties("database")
public class DatabaseProperties {

    private String host;
    private int port;
    private String username;
    private String password;
    private int poolSizeUnencrypted;

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public int getPoolSizeUnencrypted() {
        return poolSizeUnencrypted;
    }

    public void setPoolSizeUnencrypted(int poolSizeUnencrypted) {
        this.poolSizeUnencrypted = poolSizeUnencrypted;
    }
}
