/**
 * {@code .sops.yaml}: {@link io.sops4j.config.SopsConfig} finds and reads it and picks the
 * {@link io.sops4j.config.CreationRule} for a file. Stable.
 */
package io.sops4j.config;
