package io.pdmgitops.model.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A node's pending packages and kernels, and a cluster's pve-manager versions. */
class UpdateRulesTest {
  static PendingPackage pkg(String name, String old, String version, String origin) {
    return new PendingPackage(
        name,
        Optional.ofNullable(old),
        version,
        Optional.ofNullable(origin),
        Optional.empty(),
        Optional.empty());
  }

  static NodeUpdates node(
      String name, List<PendingPackage> pending, String running, String newest) {
    return new NodeUpdates(
        name, pending, Optional.ofNullable(running), Optional.ofNullable(newest), Optional.empty());
  }

  @ParameterizedTest(name = "{0} {2} from {3}: security {4}")
  @CsvSource(
      nullValues = "-",
      value = {
        // Debian's security archive and stable updates version a fix +debNNuM or ~debNNuM.
        "openssl, 3.0.14-1~deb12u2, 3.0.15-1~deb12u1, Debian, true",
        "libc6, 2.36-9+deb12u9, 2.36-9+deb12u10, Debian, true",
        // A new Debian release's version, or a Proxmox package: not marked.
        "curl, 7.88.1-10, 7.88.1-11, Debian, false",
        "pve-manager, 8.2.4, 8.2.7, Proxmox, false",
        "proxmox-kernel-6.8.12-4-pve-signed, -, 6.8.12-4, Proxmox, false",
        // Without an origin nothing is known.
        "zlib1g, 1:1.2.13.dfsg-1, 1:1.2.13.dfsg-1+deb12u1, -, false",
      })
  void aPackageIsMarkedAsSecurityByItsOriginAndVersion(
      String name, String old, String version, String origin, boolean security) {
    assertThat(pkg(name, old, version, origin).security()).isEqualTo(security);
  }

  @Test
  void securityAndOtherUpdatesAreOneFindingEachWithTheirPackagesNamed() {
    List<Finding> found =
        UpdateRules.findings(
            "east",
            List.of(
                node(
                    "pve1",
                    List.of(
                        pkg("openssl", "3.0.14-1~deb12u2", "3.0.15-1~deb12u1", "Debian"),
                        pkg("pve-manager", "8.2.4", "8.2.7", "Proxmox"),
                        pkg("libfoo1", null, "1.0-1", "Debian")),
                    "6.8.12-4-pve",
                    "6.8.12-4-pve")));

    assertThat(found)
        .extracting(Finding::rule)
        .containsExactly("updates-security", "updates-pending");
    assertThat(found.get(0).severity()).isEqualTo(Severity.WARNING);
    assertThat(found.get(0).why())
        .isEqualTo(
            "pve1 has 1 security update pending: openssl 3.0.14-1~deb12u2 → 3.0.15-1~deb12u1");
    assertThat(found.get(1).severity()).isEqualTo(Severity.INFO);
    assertThat(found.get(1).why())
        .isEqualTo("pve1 has 2 updates pending: pve-manager 8.2.4 → 8.2.7, libfoo1 (new) 1.0-1");
    assertThat(found).allSatisfy(f -> assertThat(f.node()).contains("pve1"));
  }

  @Test
  void manyPackagesAreNamedUpToFiveAndCounted() {
    List<PendingPackage> many =
        java.util.stream.IntStream.range(0, 8)
            .mapToObj(i -> pkg("lib" + i, "1.0-" + i, "1.1-" + i, "Proxmox"))
            .toList();

    assertThat(UpdateRules.findings("east", List.of(node("pve1", many, null, null))))
        .singleElement()
        .satisfies(
            f -> assertThat(f.why()).startsWith("pve1 has 8 updates").endsWith(" and 3 more"));
  }

  @ParameterizedTest(name = "running {0}, newest {1}: reboot {2}")
  @CsvSource(
      nullValues = "-",
      value = {
        "6.8.12-4-pve, 6.8.12-4-pve, false",
        "6.8.8-2-pve, 6.8.12-4-pve, true",
        // Booted into the newer of two while an older stays installed: nothing to do.
        "6.8.12-4-pve, 6.8.12-4-pve, false",
        // Without either half there is no verdict.
        "-, 6.8.12-4-pve, false",
        "6.8.8-2-pve, -, false",
      })
  void aNodeRunningAnOlderKernelThanInstalledNeedsAReboot(
      String running, String newest, boolean reboot) {
    List<Finding> found =
        UpdateRules.findings("east", List.of(node("pve1", List.of(), running, newest)));

    if (reboot) {
      assertThat(found)
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.rule()).isEqualTo("reboot-required");
                assertThat(f.severity()).isEqualTo(Severity.WARNING);
                assertThat(f.why())
                    .isEqualTo("pve1 runs kernel " + running + " but " + newest + " is installed");
              });
    } else {
      assertThat(found).isEmpty();
    }
  }

  @Test
  void nodesOfOneClusterOnDifferentManagerVersionsAreAHalfDoneUpgrade() {
    NodeUpdates a =
        new NodeUpdates(
            "pve1", List.of(), Optional.empty(), Optional.empty(), Optional.of("8.3.1"));
    NodeUpdates b =
        new NodeUpdates(
            "pve2", List.of(), Optional.empty(), Optional.empty(), Optional.of("8.2.4"));

    assertThat(UpdateRules.findings("east", List.of(a, b)))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo("versions-mixed");
              assertThat(f.node()).isEmpty();
              assertThat(f.why()).endsWith("pve1 8.3.1, pve2 8.2.4");
            });
    assertThat(UpdateRules.findings("east", List.of(a, a))).isEmpty();
  }
}
