package io.sops4j.cli;

import io.sops4j.Sops;
import io.sops4j.error.ExitCode;
import io.sops4j.error.SopsException;
import io.sops4j.format.Format;
import io.sops4j.keys.MasterKey;
import io.sops4j.metadata.KeyGroup;
import io.sops4j.metadata.Metadata;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code groups add} and {@code groups delete}: change the key groups of a file and re-split its data key. */
@Command(name = "groups", mixinStandardHelpOptions = true, description = "modify the groups on a SOPS file",
        subcommands = {GroupsCommand.Add.class, GroupsCommand.Delete.class})
final class GroupsCommand implements Callable<Integer> {

    @ParentCommand
    SopsCommand global;

    @Override
    public Integer call() {
        throw new SopsException(ExitCode.GENERIC, "Error: use 'sops groups add' or 'sops groups delete'");
    }

    /** Options every groups subcommand has. */
    static final class Target {

        @Option(names = {"-f", "--file"}, description = "the file to modify", required = true)
        Path file;

        @Option(names = {"-i", "--in-place"}, description = "write output back to the same file instead of stdout")
        boolean inPlace;

        @Option(names = "--shamir-secret-sharing-threshold", description = "the number of master keys required to retrieve the data key with shamir", defaultValue = "0")
        int shamirThreshold;

        @Option(names = "--input-type", description = "currently json, yaml, dotenv, ini and binary are supported")
        Format inputType;

        @Option(names = "--output-type", description = "currently json, yaml, dotenv, ini and binary are supported")
        Format outputType;

        void write(SopsCommand global, Sops sops, List<KeyGroup> groups, int threshold) {
            Format input = inputType != null ? inputType : Format.fromPath(file);
            byte[] updated;
            try {
                byte[] content = CliSupport.read(file);
                updated = sops.updateKeys(content, input, groups, threshold).orElse(content);
            } catch (SopsException e) {
                throw e.inFile(file);
            }
            if (inPlace) {
                Output.replace(file, updated, global.streams);
            } else {
                global.streams.out().write(updated, 0, updated.length);
                global.streams.out().flush();
            }
        }

        Metadata metadata(Sops sops) {
            Format input = inputType != null ? inputType : Format.fromPath(file);
            try {
                return sops.metadata(CliSupport.read(file), input);
            } catch (SopsException e) {
                throw e.inFile(file);
            }
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "add a new group to a SOPS file")
    static final class Add implements Callable<Integer> {

        @ParentCommand
        GroupsCommand groups;

        @Mixin
        Target target;

        @Mixin
        DecryptFlags decryptFlags;

        @Option(names = "--kms", description = "the KMS ARNs the new group should contain")
        String kms;
        @Option(names = "--pgp", description = "the PGP fingerprints the new group should contain")
        String pgp;
        @Option(names = "--gcp-kms", description = "the GCP KMS Resource ID the new group should contain")
        String gcpKms;
        @Option(names = "--hckms", description = "the HuaweiCloud KMS key IDs the new group should contain")
        String hckms;
        @Option(names = "--azure-kv", description = "the Azure Key Vault key URL the new group should contain")
        String azureKv;
        @Option(names = "--hc-vault-transit", description = "the full vault path to the key used to encrypt/decrypt")
        String hcVault;
        @Option(names = "--age", description = "the age recipient the new group should contain")
        String age;
        @Option(names = "--encryption-context", description = "comma separated list of KMS encryption context key:value pairs")
        String encryptionContext;
        @Option(names = "--aws-profile", description = "The AWS profile to use for requests to AWS")
        String awsProfile;

        @Override
        public Integer call() {
            KeyFactory factory = new KeyFactory(CliKeySources.get(), encryptionContext, awsProfile);
            List<MasterKey> keys = new ArrayList<>();
            keys.addAll(factory.keys("kms", kms));
            keys.addAll(factory.keys("pgp", pgp));
            keys.addAll(factory.keys("gcp_kms", gcpKms));
            keys.addAll(factory.keys("hckms", hckms));
            keys.addAll(factory.keys("azure_kv", azureKv));
            keys.addAll(factory.keys("hc_vault", hcVault));
            keys.addAll(factory.keys("age", age));
            if (keys.isEmpty()) {
                throw new SopsException(ExitCode.GENERIC, "Error: the new group needs at least one key (--age, --pgp, --kms, ...)");
            }
            Sops sops = decryptFlags.sops(groups.global);
            Metadata metadata = target.metadata(sops);
            List<KeyGroup> updated = new ArrayList<>(metadata.keyGroups());
            updated.add(new KeyGroup(keys));
            int threshold = target.shamirThreshold != 0 ? target.shamirThreshold : metadata.shamirThreshold();
            target.write(groups.global, sops, updated, threshold);
            return 0;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "delete a key group from a SOPS file")
    static final class Delete implements Callable<Integer> {

        @ParentCommand
        GroupsCommand groups;

        @Mixin
        Target target;

        @Mixin
        DecryptFlags decryptFlags;

        @Parameters(index = "0", paramLabel = "index", description = "the index of the group to delete (from 0)")
        int index;

        @Override
        public Integer call() {
            Sops sops = decryptFlags.sops(groups.global);
            Metadata metadata = target.metadata(sops);
            List<KeyGroup> updated = new ArrayList<>(metadata.keyGroups());
            if (index < 0 || index >= updated.size()) {
                throw new SopsException(ExitCode.GENERIC, "Error: the file has no key group " + index + " (it has "
                        + updated.size() + ")", target.file, null, null);
            }
            updated.remove(index);
            int threshold = target.shamirThreshold != 0 ? target.shamirThreshold : metadata.shamirThreshold();
            if (updated.size() < threshold) {
                throw new SopsException(ExitCode.GENERIC, "removing this key group will make the Shamir threshold impossible "
                        + "to satisfy: Shamir threshold is " + threshold + ", but we only have " + updated.size() + " key groups",
                        target.file, null, null);
            }
            target.write(groups.global, sops, updated, threshold);
            return 0;
        }
    }
}
