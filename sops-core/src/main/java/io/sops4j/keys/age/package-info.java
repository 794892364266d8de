/**
 * Age keys: {@link io.sops4j.keys.age.AgeKeys} makes master keys for recipients and X25519
 * identities; identities for decryption are found as sops finds them ({@code SOPS_AGE_KEY},
 * {@code SOPS_AGE_KEY_FILE}, {@code SOPS_AGE_KEY_CMD}, SSH keys); age plugin recipients and identities
 * run {@code age-plugin-NAME} from {@code PATH}. Stable: the public types.
 */
package io.sops4j.keys.age;
