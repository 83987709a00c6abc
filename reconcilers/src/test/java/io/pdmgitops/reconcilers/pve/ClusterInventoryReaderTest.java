package io.pdmgitops.reconcilers.pve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pdmgitops.model.desired.GuestType;
import io.pdmgitops.model.observed.GuestObservation;
import io.pdmgitops.model.observed.ObservedPower;
import io.pdmgitops.model.observed.ResourceUsage;
import io.pdmgitops.model.observed.StorageObservation;
import io.pdmgitops.reconcilers.api.LenientJson;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClusterInventoryReaderTest {
  static ClusterInventory read(String data) {
    return LenientJson.MAPPER.readValue(data, ClusterInventory.class);
  }

  @Test
  void anEmptyLockIsNoLock() {
    String rows =
        """
        [{"id":"lxc/101","type":"lxc","node":"n1","vmid":101,"status":"stopped","lock":""}]
        """;

    assertThat(read(rows).guests()).singleElement().satisfies(g -> assertThat(g.lock()).isEmpty());
  }

  @Test
  void readsRecordedGuestNodeAndStorageRows() {
    ClusterInventory inventory =
        read(
            """
            [{"id":"qemu/100","type":"qemu","node":"node2","vmid":100,"name":"server1",
              "status":"running","template":0,"maxcpu":1,"cpu":0.0249,"maxmem":1073741824,
              "mem":842551296,"maxdisk":34359738368,"disk":0,"uptime":874350,"netin":2456116121,
              "netout":545248946,"diskread":4510777856,"diskwrite":6059209728,"tags":"prod;web",
              "pool":"team-a","lock":"backup","hastate":"started"},
             {"id":"node/node2","type":"node","node":"node2","status":"online","cpu":0.5,
              "maxcpu":8,"mem":1,"maxmem":2,"disk":3,"maxdisk":4,"level":"","uptime":100},
             {"id":"storage/node2/local","type":"storage","node":"node2","storage":"local",
              "plugintype":"dir","shared":0,"status":"available","disk":10,"maxdisk":100,
              "content":"iso,backup,vztmpl"},
             {"id":"pool/team-a","type":"pool","pool":"team-a"},
             {"id":"sdn/node2/localnetwork","type":"sdn","sdn":"localnetwork","node":"node2"}]
            """);

    assertThat(inventory.guests())
        .containsExactly(
            new GuestObservation(
                100,
                GuestType.QEMU,
                "server1",
                "node2",
                ObservedPower.RUNNING,
                false,
                Optional.of("backup"),
                Duration.ofSeconds(874350),
                java.util.List.of("prod", "web"),
                Optional.of("team-a"),
                new ResourceUsage(0.0249, 1, 842551296L, 1073741824L, 0, 34359738368L),
                Optional.of("started")));
    assertThat(inventory.nodes())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.name()).isEqualTo("node2");
              assertThat(n.online()).isTrue();
              assertThat(n.usage()).isEqualTo(new ResourceUsage(0.5, 8, 1, 2, 3, 4));
            });
    assertThat(inventory.storages())
        .containsExactly(
            new StorageObservation(
                "node2",
                "local",
                "dir",
                false,
                "available",
                10,
                100,
                java.util.List.of("iso", "backup", "vztmpl")));
  }

  @Test
  void guestsOfANodeListedOfflineAfterThemAreUnknownNeverStopped() {
    ClusterInventory inventory =
        read(
            """
            [{"type":"lxc","vmid":101,"node":"n1","status":"stopped","name":"ct"},
             {"type":"qemu","vmid":102,"node":"n2","status":"stopped","name":"vm"},
             {"type":"node","node":"n1","status":"offline"},
             {"type":"node","node":"n2","status":"online"}]
            """);

    assertThat(inventory.guests())
        .extracting(GuestObservation::vmid, GuestObservation::power)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(101, ObservedPower.UNKNOWN),
            org.assertj.core.groups.Tuple.tuple(102, ObservedPower.STOPPED));
  }

  @Test
  void readsOldStringNumbersAndSkipsNullsUnknownShapesAndRowsWithoutVmid() {
    ClusterInventory inventory =
        read(
            """
            [{"id":"lxc/101","type":"lxc","vmid":"101","template":"1","uptime":"12","node":"n",
              "lock":null,"pressure":{"cpu":[1,2]},"memhost":123,"pool":{"odd":[1]},
              "tags":"a, b;;c d","status":"paused"},
             {"type":"qemu","node":"n","status":"running"},
             {"type":"storage","node":"n"},
             {"type":"node","id":"node/n","status":"online"},
             {"type":"node","status":"online"},
             "not a row", 7, null]
            """);

    GuestObservation ct = inventory.guests().get(0);
    assertThat(inventory.guests()).hasSize(1);
    assertThat(ct.vmid()).isEqualTo(101);
    assertThat(ct.name()).isEqualTo("CT 101"); // as PVE's GUI names a guest without one
    assertThat(ct.template()).isTrue();
    assertThat(ct.uptime()).isEqualTo(Duration.ofSeconds(12));
    assertThat(ct.lock()).isEmpty();
    assertThat(ct.pool()).isEmpty();
    assertThat(ct.tags()).containsExactly("a", "b", "c", "d");
    assertThat(ct.power()).isEqualTo(ObservedPower.UNKNOWN);
    assertThat(inventory.storages()).isEmpty();
    // Named by its id, as the guests name it, so an offline one still marks its guests Unknown.
    assertThat(inventory.nodes()).singleElement().extracting(n -> n.name()).isEqualTo("n");
  }

  @Test
  void namesRepeatedOnEveryRowAreOneStringPerAnswer() {
    ClusterInventory inventory =
        read(
            """
            [{"type":"qemu","vmid":100,"node":"node1","status":"running","tags":"prod"},
             {"type":"qemu","vmid":101,"node":"node1","status":"running","tags":"prod"}]
            """);

    GuestObservation first = inventory.guests().get(0);
    GuestObservation second = inventory.guests().get(1);
    assertThat(second.node()).isSameAs(first.node());
    assertThat(second.tags().get(0)).isSameAs(first.tags().get(0));
  }

  @Test
  void anAnswerThatIsNotAListIsUnreadableNotEmpty() {
    assertThatThrownBy(() -> read("{\"unexpected\":true}"))
        .isInstanceOf(tools.jackson.core.JacksonException.class);
    assertThat(read("null")).isNull(); // no data at all: the client reads it as empty
  }

  @Test
  void storageContentDropsEmptyParts() {
    ClusterInventory inventory =
        read(
            """
            [{"type":"storage","node":"n","storage":"a","content":""},
             {"type":"storage","node":"n","storage":"b","content":"images,,rootdir"}]
            """);

    assertThat(inventory.storages())
        .extracting(StorageObservation::content)
        .containsExactly(java.util.List.of(), java.util.List.of("images", "rootdir"));
  }

  @Test
  void manyDistinctNamesAreReadRightPastTheSharingBound() {
    int nodes = SharedStrings.MAX_ENTRIES + 500;
    StringBuilder rows = new StringBuilder("[");
    for (int i = 0; i < nodes; i++) {
      rows.append(i == 0 ? "" : ",")
          .append("{\"type\":\"qemu\",\"vmid\":")
          .append(100 + i)
          .append(",\"node\":\"node-")
          .append(i)
          .append("\",\"status\":\"running\"}");
    }
    // The same names again: shared while the table had room, plain copies after.
    for (int i = 0; i < nodes; i++) {
      rows.append(",{\"type\":\"lxc\",\"vmid\":")
          .append(100_000 + i)
          .append(",\"node\":\"node-")
          .append(i)
          .append("\",\"status\":\"stopped\"}");
    }
    ClusterInventory inventory = read(rows.append("]").toString());

    List<GuestObservation> guests = inventory.guests();
    assertThat(guests).hasSize(2 * nodes);
    for (int i = 0; i < nodes; i++) {
      assertThat(guests.get(i).node()).isEqualTo("node-" + i);
      assertThat(guests.get(nodes + i).node()).isEqualTo("node-" + i);
    }
    assertThat(guests.get(nodes + 10).node()).isSameAs(guests.get(10).node());
    assertThat(guests.get(2 * nodes - 1).node()).isNotSameAs(guests.get(nodes - 1).node());
  }
}
