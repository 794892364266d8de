package io.sops4j.cli;

import io.sops4j.error.ExitCode;
import io.sops4j.error.SopsException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Upstream's {@code version.AIsNewerThanB}: {@code 1.x} is always older, otherwise semantic versions. */
final class Versions {

    private static final Pattern SEMVER = Pattern.compile("^v?(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
            + "(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?$");

    private Versions() {
    }

    static boolean isSemantic(String version) {
        return SEMVER.matcher(version).matches();
    }

    static boolean isNewer(String a, String b) {
        if (b.startsWith("1.")) {
            return true;
        }
        Matcher x = parse(a);
        Matcher y = parse(b);
        for (int group = 1; group <= 3; group++) {
            int compared = Long.compare(Long.parseLong(x.group(group)), Long.parseLong(y.group(group)));
            if (compared != 0) {
                return compared > 0;
            }
        }
        return x.group(4) == null && y.group(4) != null;
    }

    private static Matcher parse(String version) {
        Matcher matcher = SEMVER.matcher(version);
        if (!matcher.matches()) {
            throw new SopsException(ExitCode.FAILED_TO_COMPARE_VERSIONS, "Failed to compare versions: '" + version
                    + "' is not a semantic version");
        }
        return matcher;
    }
}
