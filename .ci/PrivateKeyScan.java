import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Fails when a jar (or a jar inside it) holds private key material: an age identity or a PEM/PGP
 * private key block with its body. The bare words ("AGE-SECRET-KEY-", "BEGIN PGP PRIVATE KEY
 * BLOCK") are allowed: the code that parses keys has them as constants.
 *
 * <p>Usage: java PrivateKeyScan.java [--expect-found] file.jar...
 */
public final class PrivateKeyScan {

    private static final Pattern AGE_IDENTITY = Pattern.compile("AGE-SECRET-KEY-1[02-9AC-HJ-NP-Z]{58}");
    private static final Pattern PRIVATE_BLOCK = Pattern.compile(
            "-----BEGIN [A-Z0-9 ]*PRIVATE KEY[A-Z ]*-----\\r?\\n(?:[A-Za-z-]+: [^\\n]*\\r?\\n)*\\r?\\n?[A-Za-z0-9+/=]{40,}");

    public static void main(String[] args) throws IOException {
        boolean expectFound = args.length > 0 && args[0].equals("--expect-found");
        List<String> found = new ArrayList<>();
        for (int i = expectFound ? 1 : 0; i < args.length; i++) {
            Path jar = Path.of(args[i]);
            try (InputStream in = Files.newInputStream(jar)) {
                scan(jar.toString(), in, found);
            }
        }
        found.forEach(hit -> System.out.println("private key material: " + hit));
        if (expectFound ? found.isEmpty() : !found.isEmpty()) {
            System.out.println(expectFound ? "the scan found no key where one is known to be" : found.size() + " file(s) hold private keys");
            System.exit(1);
        }
    }

    private static void scan(String name, InputStream jar, List<String> found) throws IOException {
        ZipInputStream zip = new ZipInputStream(jar);
        for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
            byte[] bytes = zip.readAllBytes();
            String where = name + "!/" + entry.getName();
            if (entry.getName().endsWith(".jar")) {
                scan(where, new ByteArrayInputStream(bytes), found);
            }
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            if (AGE_IDENTITY.matcher(text).find() || PRIVATE_BLOCK.matcher(text).find()) {
                found.add(where);
            }
        }
    }
}
