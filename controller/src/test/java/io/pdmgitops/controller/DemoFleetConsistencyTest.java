package io.pdmgitops.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.desired.Endpoint;
import io.pdmgitops.model.desired.Guest;
import io.pdmgitops.model.desired.Remote;
import io.pdmgitops.model.load.DesiredStateLoader;
import io.pdmgitops.simulator.config.ClusterConfig;
import io.pdmgitops.simulator.config.FleetConfig;
import io.pdmgitops.simulator.config.FleetConfigReader;
import io.pdmgitops.simulator.config.GuestConfig;
import io.pdmgitops.simulator.config.PbsConfig;
import io.pdmgitops.simulator.config.TokenConfig;
import io.pdmgitops.simulator.http.TlsIdentity;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * examples/fleet.yaml is the fleet behind examples/demo-repo: every remote, endpoint, pinned
 * certificate, token and declared guest of the repository exists in the simulated fleet.
 */
class DemoFleetConsistencyTest {
  static DesiredState demo;
  static FleetConfig fleet;

  @BeforeAll
  static void load() throws Exception {
    demo = new DesiredStateLoader().load(Path.of("../examples/demo-repo")).state().orElseThrow();
    fleet = FleetConfigReader.read(Path.of("../examples/fleet.yaml"));
  }

  @Test
  void everyRemoteIsServedOnItsEndpointsWithThePinnedCertificate() {
    for (Remote remote : demo.remotes()) {
      String certificate = certificate(remote.metadata().name());
      List<Integer> ports = ports(remote.metadata().name());
      String fingerprint = new TlsIdentity(certificate).fingerprint();
      for (Endpoint endpoint : remote.spec().endpoints()) {
        assertThat(ports).as(endpoint.url()).contains(URI.create(endpoint.url()).getPort());
        assertThat(endpoint.fingerprint()).as(endpoint.url()).contains(fingerprint);
      }
      assertThat(tokens(remote.metadata().name()))
          .extracting(TokenConfig::id)
          .as(remote.metadata().name())
          .contains(remote.spec().token().id());
    }
  }

  @Test
  void everyDeclaredGuestExistsWithItsNameAndType() {
    for (Guest guest : demo.guests()) {
      ClusterConfig cluster =
          fleet.clusters().stream()
              .filter(c -> c.name().equals(guest.spec().remote()))
              .findFirst()
              .orElseThrow();
      Optional<GuestConfig> simulated =
          cluster.guests().stream().filter(g -> g.vmid() == guest.spec().vmid()).findFirst();
      assertThat(simulated).as(guest.metadata().name()).isPresent();
      assertThat(simulated.get().name()).isEqualTo(guest.spec().name());
      assertThat(simulated.get().type()).isEqualTo(guest.spec().type().wire());
    }
  }

  @Test
  void theFleetHasTheShapeTheDemoDescribes() {
    assertThat(fleet.clusters())
        .extracting(ClusterConfig::name)
        .containsExactly("dc-east", "dc-west");
    assertThat(fleet.clusters().get(0).nodes()).hasSize(3);
    assertThat(fleet.clusters().get(1).nodes()).hasSize(2);
    assertThat(fleet.backupServers()).extracting(PbsConfig::name).containsExactly("pbs-main");
    assertThat(demo.guests()).hasSize(20);
  }

  private static String certificate(String remote) {
    return fleet.clusters().stream()
        .filter(c -> c.name().equals(remote))
        .map(ClusterConfig::certificate)
        .findFirst()
        .orElseGet(() -> pbs(remote).certificate());
  }

  private static List<Integer> ports(String remote) {
    return fleet.clusters().stream()
        .filter(c -> c.name().equals(remote))
        .map(ClusterConfig::listen)
        .findFirst()
        .orElseGet(() -> pbs(remote).listen());
  }

  private static List<TokenConfig> tokens(String remote) {
    return fleet.clusters().stream()
        .filter(c -> c.name().equals(remote))
        .map(ClusterConfig::tokens)
        .findFirst()
        .orElseGet(() -> pbs(remote).tokens());
  }

  private static PbsConfig pbs(String remote) {
    return fleet.backupServers().stream()
        .filter(p -> p.name().equals(remote))
        .findFirst()
        .orElseThrow();
  }
}
