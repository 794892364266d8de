package io.sops4j.cli;

import io.sops4j.Sops;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The flags of every command that decrypts a file. */
final class DecryptFlags {

    @Option(names = "--ignore-mac", description = "ignore Message Authentication Code during decryption")
    boolean ignoreMac;

    @Mixin
    KeyServiceOptions keyServices;

    @Option(names = "--decryption-order", description = "comma separated list of decryption key types (SOPS_DECRYPTION_ORDER)")
    String decryptionOrder;

    Sops sops(SopsCommand global) {
        return keyServices.apply(CliSupport.sops(global))
                .ignoreMac(ignoreMac)
                .decryptionOrder(decryptionOrder)
                .build();
    }
}
