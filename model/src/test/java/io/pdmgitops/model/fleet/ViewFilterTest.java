package io.pdmgitops.model.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.model.desired.FilterRule;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PDM's view semantics (server/src/views/tests.rs), on the fleet of {@link SearchQueryTest}. */
class ViewFilterTest {
  static List<FilterRule> rules(String... text) {
    return Arrays.stream(text).map(FilterRule::parse).toList();
  }

  static List<String> shown(ViewFilter view) {
    return SearchQueryTest.ALL.stream().filter(view::matches).map(FleetResource::name).toList();
  }

  @Test
  void anEmptyViewShowsNothing() {
    assertThat(shown(new ViewFilter(false, List.of(), List.of()))).isEmpty();
  }

  @Test
  void includeAllShowsEverythingNotExcluded() {
    ViewFilter view =
        new ViewFilter(true, List.of(), rules("exact:resource-id=remote/dc-east/guest/100"));

    assertThat(shown(view)).containsExactly("debian-tpl", "db-01", "pve1", "store1");
  }

  @Test
  void anyIncludeRuleIsEnoughAndAnyExcludeRuleWins() {
    ViewFilter view =
        new ViewFilter(false, rules("remote=dc-west", "tag=web"), rules("resource-type=lxc"));

    assertThat(shown(view)).containsExactly("web-01", "db-01");
  }

  @Test
  void poolAndTagRulesMatchGuestsOnly() {
    assertThat(shown(new ViewFilter(false, rules("resource-pool=prod"), List.of())))
        .containsExactly("web-01");
    assertThat(shown(new ViewFilter(false, rules("resource-type=node"), List.of())))
        .containsExactly("pve1");
  }

  @Test
  void aRemoteIsSkippedWhenOnlyOtherRemotesAreIncludedOrItIsExcluded() {
    ViewFilter onlyWest = new ViewFilter(false, rules("remote=dc-west"), List.of());
    assertThat(onlyWest.excludesRemote("dc-east")).isTrue();
    assertThat(onlyWest.excludesRemote("dc-west")).isFalse();
    ViewFilter byTag = new ViewFilter(false, rules("remote=dc-west", "tag=prod"), List.of());
    assertThat(byTag.excludesRemote("dc-east")).isFalse();
    ViewFilter notEast = new ViewFilter(true, List.of(), rules("remote=dc-east"));
    assertThat(notEast.excludesRemote("dc-east")).isTrue();
  }
}
