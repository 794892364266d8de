/**
 * The file formats SOPS files come in ({@link io.sops4j.format.Format}) and how they are written
 * ({@link io.sops4j.format.StoreOptions}, the indentation a {@code .sops.yaml} sets). Stable.
 */
package io.sops4j.format;
