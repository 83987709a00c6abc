package io.pdmgitops.model.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class AccessPathTest {
  static final List<String> VALID =
      List.of(
          "/",
          "/remotes",
          "/remotes/dc-east",
          "/remotes/dc-east/nodes/pve-1",
          "/remotes/dc-east/guests",
          "/remotes/dc-east/guests/100",
          "/remotes/dc-east/guests/999999999",
          "/views",
          "/views/prod",
          "/groups",
          "/groups/east-operators",
          "/system",
          "/access");

  static final List<String> INVALID =
      List.of(
          "",
          "remotes",
          "//",
          "/remotes/",
          "/remotes//guests",
          "/resource/dc-east",
          "/view/prod",
          "/remote/dc-east",
          "/remotes/-east",
          "/remotes/.hidden",
          "/remotes/dc-east/nodes",
          "/remotes/dc-east/nodes/pve-1/storage",
          "/remotes/dc-east/guests/99",
          "/remotes/dc-east/guests/0100",
          "/remotes/dc-east/guests/1000000000",
          "/remotes/dc-east/guests/100/config",
          "/remotes/dc-east/storage/local",
          "/views/prod/widgets",
          "/groups/a/b",
          "/system/tasks",
          "/access/users");

  @Test
  void everyFormParsesAndIsWrittenBackAsGiven() {
    assertThat(VALID).allSatisfy(p -> assertThat(AccessPath.parse(p).toString()).isEqualTo(p));
  }

  @Test
  void theSchemaAndTheParserAcceptTheSamePaths() throws IOException {
    var schema =
        JsonMapper.builder()
            .build()
            .readTree(Files.readString(Path.of("../src-schemas/access-rule.schema.json")));
    Pattern pattern =
        Pattern.compile(schema.at("/properties/spec/properties/path/pattern").asString());

    assertThat(VALID).allSatisfy(p -> assertThat(pattern.matcher(p).find()).as(p).isTrue());
    assertThat(INVALID).allSatisfy(p -> assertThat(pattern.matcher(p).find()).as(p).isFalse());
  }

  @Test
  void everyInvalidPathIsRejected() {
    assertThat(INVALID)
        .allSatisfy(
            p ->
                assertThatThrownBy(() -> AccessPath.parse(p))
                    .as(p)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + p + "' is not a valid ACL path"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "remotes|it must start with '/'",
        "/remotes/|write /remotes",
        "/remotes//guests|empty segment",
        "/resource/dc-east|PDM's /resource is /remotes here",
        "/view/prod|PDM's /view is /views here",
        "/nodes/pve-1|starts with /remotes, /views, /groups, /system or /access",
        "/remotes/-east|'-east' is not a valid remote name",
        "/remotes/dc-east/nodes|name a node: /remotes/dc-east/nodes/{node}",
        "/remotes/dc-east/nodes/pve_1!|'pve_1!' is not a valid node name",
        "/remotes/dc-east/guests/99|'99' is not a vmid (a number from 100 to 999999999)",
        "/remotes/dc-east/guests/100/config|deeper than a guest or a node",
        "/remotes/dc-east/storage/local|below /remotes/dc-east come /guests",
        "/views/prod/widgets|/views/{name} has no sub-paths",
        "/groups/a b|'a b' is not a valid remote group name",
        "/system/tasks|/system has no sub-paths",
      })
  void aBadPathSaysWhatIsWrong(String path, String message) {
    assertThatThrownBy(() -> AccessPath.parse(path))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void parentsLeadUpToTheRoot() {
    AccessPath guest = AccessPath.parse("/remotes/dc-east/guests/100");

    assertThat(guest.parent()).contains(AccessPath.guests("dc-east"));
    assertThat(guest.ancestors())
        .extracting(AccessPath::toString)
        .containsExactly("/", "/remotes", "/remotes/dc-east", "/remotes/dc-east/guests");
    assertThat(guest.fromRoot()).last().isEqualTo(guest);
    assertThat(AccessPath.node("dc-east", "pve-1").parent()).contains(AccessPath.remote("dc-east"));
    assertThat(AccessPath.system().parent()).contains(AccessPath.ROOT);
    assertThat(AccessPath.ROOT.parent()).isEmpty();
    assertThat(AccessPath.ROOT.ancestors()).isEmpty();
    assertThat(AccessPath.parse("/")).isSameAs(AccessPath.ROOT);
  }

  @Test
  void withinMeansEqualOrBelowAndComparesWholeSegments() {
    AccessPath guest = AccessPath.guest("dc-east", 100);

    assertThat(guest.isWithin(guest)).isTrue();
    assertThat(guest.isWithin(AccessPath.remote("dc-east"))).isTrue();
    assertThat(guest.isWithin(AccessPath.ROOT)).isTrue();
    assertThat(AccessPath.remote("dc-east").isWithin(guest)).isFalse();
    assertThat(AccessPath.remote("dc-east2").isWithin(AccessPath.remote("dc-east"))).isFalse();
    assertThat(AccessPath.view("prod").isWithin(AccessPath.remotes())).isFalse();
  }

  @Test
  void factoriesGiveTheParsedPaths() {
    assertThat(AccessPath.remotes()).isEqualTo(AccessPath.parse("/remotes"));
    assertThat(AccessPath.remote("dc-east")).isEqualTo(AccessPath.parse("/remotes/dc-east"));
    assertThat(AccessPath.node("dc-east", "pve-1"))
        .isEqualTo(AccessPath.parse("/remotes/dc-east/nodes/pve-1"));
    assertThat(AccessPath.guest("dc-east", 100))
        .isEqualTo(AccessPath.parse("/remotes/dc-east/guests/100"))
        .hasSameHashCodeAs(AccessPath.parse("/remotes/dc-east/guests/100"));
    assertThat(AccessPath.views()).isEqualTo(AccessPath.parse("/views"));
    assertThat(AccessPath.view("prod")).isEqualTo(AccessPath.parse("/views/prod"));
    assertThat(AccessPath.groups()).isEqualTo(AccessPath.parse("/groups"));
    assertThat(AccessPath.group("ops")).isEqualTo(AccessPath.parse("/groups/ops"));
    assertThat(AccessPath.system()).isEqualTo(AccessPath.parse("/system"));
    assertThat(AccessPath.access()).isEqualTo(AccessPath.parse("/access"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a/b", "-x", ".."})
  void factoriesRejectNamesThatWouldChangeThePath(String name) {
    assertThatThrownBy(() -> AccessPath.remote(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a valid remote name");
    assertThatThrownBy(() -> AccessPath.node("dc-east", name))
        .hasMessageContaining("not a valid node name");
    assertThatThrownBy(() -> AccessPath.view(name)).hasMessageContaining("not a valid view name");
  }

  @Test
  void aGuestPathNeedsARealVmid() {
    assertThatThrownBy(() -> AccessPath.guest("dc-east", 99))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("vmid 99");
  }

  @Test
  void eachFleetRowMapsToThePathThatGuardsIt() {
    assertThat(AccessPath.of(Rows.remote("dc-east"))).hasToString("/remotes/dc-east");
    assertThat(AccessPath.of(Rows.node("dc-east", "pve-2")))
        .hasToString("/remotes/dc-east/nodes/pve-2");
    assertThat(AccessPath.of(Rows.guest("dc-east", 100)))
        .hasToString("/remotes/dc-east/guests/100");
    assertThat(AccessPath.of(Rows.container("dc-east", 101)))
        .hasToString("/remotes/dc-east/guests/101");
    assertThat(AccessPath.of(Rows.storage("dc-east", "pve-2", "local")))
        .hasToString("/remotes/dc-east/nodes/pve-2");
    assertThat(AccessPath.of(Rows.storage("dc-east", null, "ceph")))
        .hasToString("/remotes/dc-east");
    assertThat(AccessPath.of(Rows.datastore("pbs-main", "store1")))
        .hasToString("/remotes/pbs-main");
  }

  @Test
  void aGuestRowWithoutAVmidIsAnError() {
    var row =
        Rows.row(
            "remote/dc-east/guest/x",
            io.pdmgitops.model.fleet.ResourceType.QEMU,
            "dc-east",
            "x",
            null,
            null,
            List.of());

    assertThatThrownBy(() -> AccessPath.of(row))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("remote/dc-east/guest/x");
  }
}
