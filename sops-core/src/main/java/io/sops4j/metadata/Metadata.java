package io.sops4j.metadata;

import java.util.List;
import java.util.Objects;

/**
 * The {@code sops} section of a file: key groups, Shamir threshold, encryption rules, the
 * encrypted MAC, when it was last modified and which version wrote it.
 *
 * @param keyGroups        one group, or several whose shares are joined with Shamir
 * @param shamirThreshold  0 when unset (then the number of groups applies)
 * @param rules            the encryption rules as stored (possibly none)
 * @param macOnlyEncrypted whether the MAC covers only encrypted values
 * @param lastModified     the {@code lastmodified} text exactly as stored (RFC 3339)
 * @param mac              the encrypted MAC ({@code ENC[...]}), empty when missing
 * @param version          the sops version that wrote the file, empty when missing
 */
public record Metadata(
        List<KeyGroup> keyGroups,
        int shamirThreshold,
        EncryptionRules rules,
        boolean macOnlyEncrypted,
        String lastModified,
        String mac,
        String version) {

    /** The sops version whose format sops4j writes. */
    public static final String SOPS_VERSION = "3.13.2";

    /**
     * Copies the key groups; {@code null} texts become empty.
     *
     * @param keyGroups the key groups that each wrap the data key (or a share of it)
     * @param lastModified the {@code lastmodified} time as stored
     * @param version the sops version that wrote the file
     * @param macOnlyEncrypted whether the MAC covers encrypted values only
     * @param mac the encrypted MAC as stored
     * @param shamirThreshold how many groups are needed to decrypt; 0 for all
     * @param rules which values are encrypted
     */
    public Metadata {
        keyGroups = List.copyOf(keyGroups);
        Objects.requireNonNull(rules, "rules");
        lastModified = lastModified == null ? "" : lastModified;
        mac = mac == null ? "" : mac;
        version = version == null ? "" : version;
    }

    /**
     * This metadata with other key groups.
     *
     * @param groups the other key groups
     * @return this metadata with other key groups
     */
    public Metadata withKeyGroups(List<KeyGroup> groups) {
        return new Metadata(groups, shamirThreshold, rules, macOnlyEncrypted, lastModified, mac, version);
    }

    /**
     * This metadata with another Shamir threshold.
     *
     * @param threshold how many groups are needed to decrypt; 0 for all
     * @return this metadata with another Shamir threshold
     */
    public Metadata withShamirThreshold(int threshold) {
        return new Metadata(keyGroups, threshold, rules, macOnlyEncrypted, lastModified, mac, version);
    }

    /**
     * This metadata with a new {@code lastmodified} time and encrypted MAC.
     *
     * @param lastModified the {@code lastmodified} time as stored
     * @param mac the encrypted MAC as stored
     * @return this metadata with a new {@code lastmodified} time and encrypted MAC
     */
    public Metadata withMac(String lastModified, String mac) {
        return new Metadata(keyGroups, shamirThreshold, rules, macOnlyEncrypted, lastModified, mac, version);
    }

    /**
     * This metadata with another sops version.
     *
     * @param version the sops version
     * @return this metadata with another sops version
     */
    public Metadata withVersion(String version) {
        return new Metadata(keyGroups, shamirThreshold, rules, macOnlyEncrypted, lastModified, mac, version);
    }
}
