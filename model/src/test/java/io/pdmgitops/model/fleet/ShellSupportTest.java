package io.pdmgitops.model.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShellSupportTest {
  @ParameterizedTest
  @CsvSource({
    "pve, 8.2.4, true",
    "pve, 8.4.14, true",
    "pve, 9.0.12, true",
    "pve, 9.0.13, false",
    "pve, 9.1.1, false",
    "pve, 10.0, false",
    "pve, 9.0, true",
    "pve, not-a-version, false",
    "pbs, 3.2.7, false"
  })
  void pveTakesTokensOnItsConsoleFrom9013(String type, String version, boolean refused) {
    Optional<String> refusal = ShellSupport.refusal("dc-east", type, Optional.of(version));
    assertThat(refusal.isPresent()).isEqualTo(refused);
    refusal.ifPresent(
        r -> assertThat(r).startsWith("dc-east runs PVE " + version).contains("9.0.13"));
  }

  @ParameterizedTest
  @CsvSource({"pve", "pbs"})
  void anUnknownReleaseIsTried(String type) {
    assertThat(ShellSupport.refusal("dc-east", type, Optional.empty())).isEmpty();
  }
}
