package io.sops4j.cli;

import io.sops4j.Sops;
import io.sops4j.config.CreationRule;
import io.sops4j.config.SopsConfig;
import io.sops4j.error.ExitCode;
import io.sops4j.error.SopsException;
import io.sops4j.format.Format;
import io.sops4j.keys.MasterKey;
import io.sops4j.metadata.KeyGroup;
import io.sops4j.metadata.Metadata;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code updatekeys}: gives files the key groups their {@code .sops.yaml} creation rule asks for. */
@Command(name = "updatekeys", mixinStandardHelpOptions = true, description = "update the keys of SOPS files using the config file")
final class UpdateKeysCommand implements Callable<Integer> {

    @ParentCommand
    SopsCommand global;

    @Option(names = {"-y", "--yes"}, description = "pre-approve all changes and run non-interactively")
    boolean yes;

    @Option(names = "--input-type", description = "currently json, yaml, dotenv, ini and binary are supported. If not set, sops will use the file's extension to determine the type")
    Format inputType;

    @Mixin
    DecryptFlags decryptFlags;

    @Parameters(paramLabel = "file", arity = "0..*")
    List<Path> files = List.of();

    private BufferedReader answers;

    @Override
    public Integer call() throws IOException {
        if (files.isEmpty()) {
            throw new SopsException(ExitCode.NO_FILE_SPECIFIED, "Error: no file specified");
        }
        Sops sops = decryptFlags.sops(global);
        SopsConfig config = CliSupport.config(global)
                .orElseThrow(() -> new SopsException(ExitCode.GENERIC, "config file not found"));
        for (Path file : files) {
            update(sops, config, file);
        }
        return 0;
    }

    private void update(Sops sops, SopsConfig config, Path file) throws IOException {
        TypeOptions types = new TypeOptions();
        types.inputType = inputType;
        byte[] content = CliSupport.read(file);
        Metadata metadata;
        try {
            metadata = sops.metadata(content, types.input(file));
        } catch (SopsException e) {
            throw e.inFile(file);
        }
        CreationRule rule = config.ruleFor(file, CliKeySources.get());
        List<KeyGroup> groups = rule.keyGroups();
        int threshold = Math.min(metadata.shamirThreshold(), groups.size());
        List<GroupDiff> diffs = GroupDiff.between(metadata.keyGroups(), groups);
        boolean keysChange = diffs.stream().anyMatch(GroupDiff::changes);
        PrintStream out = global.streams.out();
        if (!keysChange && threshold == metadata.shamirThreshold()) {
            global.streams.err().println("File " + file + " already up to date");
            return;
        }
        out.println("The following changes will be made to the file's groups:");
        for (int i = 0; i < diffs.size(); i++) {
            out.println("Group " + (i + 1));
            diffs.get(i).print(out);
        }
        if (threshold != metadata.shamirThreshold()) {
            out.println("Shamir threshold: " + metadata.shamirThreshold() + " -> " + threshold);
        }
        if (!yes) {
            out.print("Is this okay? (y/n):");
            out.flush();
            if (answers == null) {
                answers = new BufferedReader(new InputStreamReader(global.streams.in(), StandardCharsets.UTF_8));
            }
            String answer = answers.readLine();
            if (answer == null || !answer.strip().equals("y")) {
                global.streams.err().println("Changes not applied to " + file);
                return;
            }
        }
        byte[] updated;
        try {
            updated = sops.updateKeys(content, types.input(file), groups, threshold).orElse(content);
        } catch (SopsException e) {
            throw e.inFile(file);
        }
        Output.replace(file, updated, global.streams);
        global.streams.err().println("File " + file + " synchronized with new keys");
    }

    /** What changes in one key group: kept, added and removed keys, compared by identifier. */
    record GroupDiff(List<String> common, List<String> added, List<String> removed) {

        boolean changes() {
            return !added.isEmpty() || !removed.isEmpty();
        }

        void print(PrintStream out) {
            common.forEach(id -> out.println("    " + id));
            added.forEach(id -> out.println("+++ " + id));
            removed.forEach(id -> out.println("--- " + id));
        }

        static List<GroupDiff> between(List<KeyGroup> before, List<KeyGroup> after) {
            List<GroupDiff> diffs = new ArrayList<>();
            for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
                List<String> old = ids(i < before.size() ? before.get(i) : null);
                List<String> updated = ids(i < after.size() ? after.get(i) : null);
                diffs.add(new GroupDiff(old.stream().filter(updated::contains).toList(),
                        updated.stream().filter(id -> !old.contains(id)).toList(),
                        old.stream().filter(id -> !updated.contains(id)).toList()));
            }
            return diffs;
        }

        private static List<String> ids(KeyGroup group) {
            List<String> ids = new ArrayList<>();
            if (group != null) {
                for (MasterKey key : group.keys()) {
                    ids.add(key.id());
                }
            }
            return ids;
        }
    }
}
