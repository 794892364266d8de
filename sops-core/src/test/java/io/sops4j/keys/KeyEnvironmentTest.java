package io.sops4j.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyEnvironmentTest {

    @Test
    void homeIsTheHomeVariableAsSopsReadsIt() {
        assertThat(KeyEnvironment.userHome(Map.of("HOME", "/srv/app"), "Linux", "/root")).isEqualTo(Path.of("/srv/app"));
        assertThat(KeyEnvironment.userHome(Map.of("HOME", "/srv/app", "USERPROFILE", "/users/app"), "Windows 11", "/x"))
                .isEqualTo(Path.of("/users/app"));
    }

    @Test
    void homeFallsBackToTheJvmsWhenTheVariableIsUnsetOrEmpty() {
        assertThat(KeyEnvironment.userHome(Map.of(), "Linux", "/root")).isEqualTo(Path.of("/root"));
        assertThat(KeyEnvironment.userHome(Map.of("HOME", ""), "Mac OS X", "/Users/me")).isEqualTo(Path.of("/Users/me"));
    }
}
