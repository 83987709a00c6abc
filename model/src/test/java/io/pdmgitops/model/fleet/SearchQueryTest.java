package io.pdmgitops.model.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.pdmgitops.model.desired.FilterRule;
import io.pdmgitops.model.desired.RemoteType;
import io.pdmgitops.model.drift.Health;
import io.pdmgitops.model.drift.SyncStatus;
import io.pdmgitops.model.observed.ResourceUsage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** PDM's search syntax over a small fleet, term by term. */
class SearchQueryTest {
  static final FleetResource WEB =
      guest("dc-east", 100, "web-01", "running", false, List.of("prod", "web"), "prod");
  static final FleetResource TEMPLATE =
      guest("dc-east", 9000, "debian-tpl", "stopped", true, List.of(), null);
  static final FleetResource WEST_DB =
      guest("dc-west", 200, "db-01", "stopped", false, List.of("prod"), null);
  static final FleetResource NODE =
      new FleetResource(
          "remote/dc-east/node/pve1",
          ResourceType.NODE,
          "dc-east",
          RemoteType.PVE,
          "pve1",
          Optional.of("pve1"),
          Optional.empty(),
          "online",
          false,
          List.of(),
          Optional.empty(),
          List.of(),
          ResourceUsage.NONE,
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          "");
  static final FleetResource STORE =
      new FleetResource(
          "remote/pbs-main/datastore/store1",
          ResourceType.DATASTORE,
          "pbs-main",
          RemoteType.PBS,
          "store1",
          Optional.empty(),
          Optional.empty(),
          "available",
          false,
          List.of(),
          Optional.empty(),
          List.of("high-usage"),
          ResourceUsage.NONE,
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          "");
  static final List<FleetResource> ALL = List.of(WEB, TEMPLATE, WEST_DB, NODE, STORE);

  static FleetResource guest(
      String remote,
      int vmid,
      String name,
      String status,
      boolean template,
      List<String> tags,
      String pool) {
    boolean declared = !template;
    return new FleetResource(
        "remote/" + remote + "/guest/" + vmid,
        ResourceType.QEMU,
        remote,
        RemoteType.PVE,
        name,
        Optional.of("pve1"),
        Optional.of(vmid),
        status,
        template,
        tags,
        Optional.ofNullable(pool),
        List.of(),
        ResourceUsage.NONE,
        declared ? Optional.of(name) : Optional.empty(),
        declared
            ? Optional.of(name.equals("db-01") ? SyncStatus.OUT_OF_SYNC : SyncStatus.SYNCED)
            : Optional.empty(),
        declared ? Optional.of(Health.HEALTHY) : Optional.empty(),
        "");
  }

  static final Map<String, ViewFilter> VIEWS =
      Map.of("west", new ViewFilter(false, List.of(FilterRule.parse("remote=dc-west")), List.of()));

  static List<String> search(String text) {
    SearchQuery query = SearchQuery.parse(text);
    return ALL.stream()
        .filter(r -> query.matches(r, v -> Optional.ofNullable(VIEWS.get(v))))
        .map(FleetResource::name)
        .toList();
  }

  static Stream<Arguments> searches() {
    return Stream.of(
        arguments("", List.of("web-01", "debian-tpl", "db-01", "pve1", "store1")),
        arguments("web", List.of("web-01")),
        arguments("WEB", List.of("web-01")),
        arguments("guest/200", List.of("db-01")),
        arguments("type:qemu", List.of("web-01", "debian-tpl", "db-01")),
        arguments("type:q", List.of("web-01", "debian-tpl", "db-01")),
        arguments("type:datastore", List.of("store1")),
        arguments("status:run", List.of("web-01")),
        arguments("status:online", List.of("pve1")),
        arguments("template:true", List.of("debian-tpl")),
        arguments("+type:qemu +template:false", List.of("web-01", "db-01")),
        arguments("remote:west", List.of("db-01")),
        arguments("remote-type:pbs", List.of("store1")),
        arguments("property:high-usage", List.of("store1")),
        arguments("view:west", List.of("db-01")),
        arguments("view:nowhere", List.of()),
        arguments("tag:prod", List.of("web-01", "db-01")),
        arguments("pool:prod", List.of("web-01")),
        arguments("node:pve1", List.of("web-01", "debian-tpl", "db-01", "pve1")),
        arguments("sync:out-of-sync", List.of("db-01")),
        arguments("sync:out", List.of("db-01")),
        arguments("health:healthy", List.of("web-01", "db-01")),
        // Optional terms: at least one must match; required ones all must.
        arguments("web-01 db-01", List.of("web-01", "db-01")),
        arguments("+type:qemu web-01 db-01", List.of("web-01", "db-01")),
        arguments("+status:stopped web db", List.of("db-01")),
        arguments("+type:qemu +remote:dc-east +status:stopped", List.of("debian-tpl")));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @MethodSource("searches")
  void findsWhatPdmWouldFind(String text, List<String> expected) {
    assertThat(search(text)).containsExactlyElementsOf(expected);
  }

  @Test
  void unknownCategoriesAreRefusedWithTheColumnAndTheChoices() {
    assertThatThrownBy(() -> SearchQuery.parse("web +colour:red"))
        .isInstanceOf(SearchSyntaxException.class)
        .hasMessageStartingWith("unknown category 'colour' at column 5; use one of: type, name,")
        .satisfies(e -> assertThat(((SearchSyntaxException) e).column()).isEqualTo(5));
  }

  @Test
  void valuesThatCannotMatchAreRefusedWithAnExample() {
    assertThatThrownBy(() -> SearchQuery.parse("type:vm"))
        .hasMessage(
            "no resource type starts with 'vm' (column 1); types are remote, node, qemu, lxc,"
                + " storage, datastore");
    assertThatThrownBy(() -> SearchQuery.parse("status:"))
        .hasMessage("'status:' at column 1 needs a value, e.g. status:running");
    assertThatThrownBy(() -> SearchQuery.parse("template:maybe"))
        .hasMessage("template: takes true or false, not 'maybe' (column 1)");
    assertThatThrownBy(() -> SearchQuery.parse("remote-type:esx"))
        .hasMessage("remote-type: takes pve or pbs, not 'esx' (column 1)");
    assertThatThrownBy(() -> SearchQuery.parse("a +"))
        .hasMessage("'+' at column 3 needs a term after it");
  }

  @Test
  void searchesAreBounded() {
    assertThatThrownBy(() -> SearchQuery.parse("x".repeat(SearchQuery.MAX_LENGTH + 1)))
        .isInstanceOf(SearchSyntaxException.class);
    assertThatThrownBy(() -> SearchQuery.parse("a ".repeat(SearchQuery.MAX_TERMS + 1)))
        .hasMessageContaining("at most " + SearchQuery.MAX_TERMS);
  }

  @Test
  void viewNamesAreListedForTheCallerToCheck() {
    assertThat(SearchQuery.parse("view:west +view:Prod web").viewNames())
        .containsExactly("west", "Prod");
  }
}
