package io.sops4j.cli;

import io.sops4j.DecryptedFile;
import io.sops4j.Sops;
import io.sops4j.error.ExitCode;
import io.sops4j.error.SopsException;
import io.sops4j.keys.MasterKey;
import io.sops4j.metadata.KeyGroup;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "rotate", mixinStandardHelpOptions = true,
        description = "generate a new data encryption key and reencrypt all values with the new key")
final class RotateCommand implements Callable<Integer> {

    @ParentCommand
    SopsCommand global;

    @Mixin
    FileOptions options;

    @Mixin
    DecryptFlags decryptFlags;

    @Option(names = "--add-kms", description = "add the provided comma-separated list of KMS ARNs to the list of master keys on the given file")
    String addKms;
    @Option(names = "--rm-kms", description = "remove the provided comma-separated list of KMS ARNs from the list of master keys on the given file")
    String rmKms;
    @Option(names = "--add-gcp-kms", description = "add the provided comma-separated list of GCP KMS key resource IDs")
    String addGcpKms;
    @Option(names = "--rm-gcp-kms", description = "remove the provided comma-separated list of GCP KMS key resource IDs")
    String rmGcpKms;
    @Option(names = "--add-hckms", description = "add the provided comma-separated list of HuaweiCloud KMS key IDs")
    String addHckms;
    @Option(names = "--rm-hckms", description = "remove the provided comma-separated list of HuaweiCloud KMS key IDs")
    String rmHckms;
    @Option(names = "--add-azure-kv", description = "add the provided comma-separated list of Azure Key Vault key URLs")
    String addAzureKv;
    @Option(names = "--rm-azure-kv", description = "remove the provided comma-separated list of Azure Key Vault key URLs")
    String rmAzureKv;
    @Option(names = "--add-hc-vault-transit", description = "add the provided comma-separated list of Vault's URI key")
    String addHcVault;
    @Option(names = "--rm-hc-vault-transit", description = "remove the provided comma-separated list of Vault's URI key")
    String rmHcVault;
    @Option(names = "--add-pgp", description = "add the provided comma-separated list of PGP fingerprints")
    String addPgp;
    @Option(names = "--rm-pgp", description = "remove the provided comma-separated list of PGP fingerprints")
    String rmPgp;
    @Option(names = "--add-age", description = "add the provided comma-separated list of age recipients")
    String addAge;
    @Option(names = "--rm-age", description = "remove the provided comma-separated list of age recipients")
    String rmAge;
    @Option(names = "--encryption-context", description = "comma separated list of KMS encryption context key:value pairs")
    String encryptionContext;
    @Option(names = "--aws-profile", description = "The AWS profile to use for requests to AWS")
    String awsProfile;

    @Override
    public Integer call() {
        options.validate();
        if (options.file == null) {
            throw new SopsException(ExitCode.NO_FILE_SPECIFIED, "Error: no file specified");
        }
        boolean changesKeys = false;
        for (String list : new String[] {addKms, rmKms, addGcpKms, rmGcpKms, addHckms, rmHckms, addAzureKv, rmAzureKv,
                addHcVault, rmHcVault, addPgp, rmPgp, addAge, rmAge}) {
            changesKeys |= list != null && !list.isEmpty();
        }
        if (changesKeys && !Files.exists(options.file)) {
            throw new SopsException(ExitCode.CANNOT_CHANGE_KEYS_FROM_NON_EXISTENT_FILE,
                    "error: cannot add or remove keys on non-existent files, use the `edit` subcommand instead.",
                    options.file, null, null);
        }
        KeyFactory factory = new KeyFactory(CliKeySources.get(), encryptionContext, awsProfile);
        List<MasterKey> added = new ArrayList<>();
        added.addAll(factory.keys("kms", addKms));
        added.addAll(factory.keys("gcp_kms", addGcpKms));
        added.addAll(factory.keys("hckms", addHckms));
        added.addAll(factory.keys("azure_kv", addAzureKv));
        added.addAll(factory.keys("hc_vault", addHcVault));
        added.addAll(factory.keys("pgp", addPgp));
        added.addAll(factory.keys("age", addAge));
        Set<String> removed = new HashSet<>();
        for (String list : new String[] {rmKms, rmGcpKms, rmHckms, rmAzureKv, rmHcVault, rmPgp, rmAge}) {
            removed.addAll(KeyFactory.identifiers(list));
        }
        Sops sops = decryptFlags.sops(global);
        DecryptedFile file = CliSupport.decrypt(sops, options.file, options.inputFormat());
        try (file) {
            List<KeyGroup> groups = new ArrayList<>();
            for (int i = 0; i < file.metadata().keyGroups().size(); i++) {
                List<MasterKey> keys = new ArrayList<>();
                for (MasterKey key : file.metadata().keyGroups().get(i).keys()) {
                    if (!removed.contains(key.id())) {
                        keys.add(key);
                    }
                }
                if (i == 0) {
                    keys.addAll(added);
                }
                groups.add(new KeyGroup(keys));
            }
            byte[] rotated = sops.rotate(file, options.outputFormat(), groups);
            Output.write(rotated, options, global.streams);
        }
        return 0;
    }
}
