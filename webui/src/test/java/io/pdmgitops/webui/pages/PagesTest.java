package io.pdmgitops.webui.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.webui.TestFleet;
import io.pdmgitops.webui.api.FleetStatusPort;
import io.pdmgitops.webui.api.ResourceView;
import io.pdmgitops.webui.api.StatusView;
import io.pdmgitops.webui.fleet.FleetSnapshot;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/** The dashboard and the resources page render what the fleet table holds. */
class PagesTest {
  static final FleetSnapshot FLEET = TestFleet.of(1_000);
  static final StatusView STATUS =
      new StatusView(
          Map.of(),
          Map.of(),
          List.of(),
          Optional.of(
              new StatusView.CommitView(
                  "0123456789abcdef",
                  "Alice <alice@corp.example>",
                  "Stop db for maintenance",
                  "2026-11-23T11:59:00Z",
                  false,
                  List.of(
                      new StatusView.ProblemView(
                          "error",
                          "guests.yaml",
                          3,
                          10,
                          "'stoped' is not one of: running, stopped",
                          Optional.empty())))),
          Optional.empty(),
          false,
          Optional.empty());

  final WebTestClient client =
      PageClient.of(
          PageRoutes.routes(
              new FleetStatusPort() {
                @Override
                public Mono<StatusView> status() {
                  return Mono.just(STATUS);
                }

                @Override
                public Mono<List<ResourceView>> drift() {
                  return Mono.just(List.of());
                }
              },
              () -> FLEET));

  String page(String uri, int status, Object... variables) {
    var result =
        client.get().uri(uri, variables).exchange().expectBody(String.class).returnResult();
    assertThat(result.getStatus().value())
        .as("%s: %s", uri, result.getResponseBody())
        .isEqualTo(status);
    assertThat(result.getResponseHeaders().getContentType())
        .matches(t -> t.isCompatibleWith(MediaType.TEXT_HTML));
    return result.getResponseBody();
  }

  static String count(String html, String name) {
    var m =
        java.util.regex.Pattern.compile("data-count=\"" + name + "\"[^>]*>([^<]*)<").matcher(html);
    assertThat(m.find()).as("count %s", name).isTrue();
    return m.group(1).strip();
  }

  @Test
  void theDashboardCountsTheFleet() {
    String html = page("/", 200);

    assertThat(count(html, "remotes-ok")).isEqualTo("2");
    assertThat(count(html, "remotes-failing")).isEqualTo("0");
    assertThat(count(html, "pve-nodes-online")).isEqualTo("2");
    assertThat(count(html, "qemu-running")).isEqualTo("1200");
    assertThat(count(html, "qemu-stopped")).isEqualTo("132");
    assertThat(count(html, "lxc-running")).isEqualTo("600");
    assertThat(count(html, "lxc-stopped")).isEqualTo("68");
    assertThat(count(html, "sync-synced")).isEqualTo("2");
    assertThat(count(html, "sync-out_of_sync")).isEqualTo("400");
    assertThat(html)
        .contains("Stop db for maintenance")
        .contains("rejected")
        .contains("1 problems");
    assertThat(html).contains("<script src=\"/webjars/htmx.org/dist/htmx.min.js\"");
  }

  @Test
  void theResourcesPageSearchesSortsAndPages() {
    String html =
        page("/resources?search={s}&sort=vmid&dir=desc", 200, "+type:lxc +status:stopped");

    assertThat(html).contains("data-total>68<");
    assertThat(html).contains("page <span>1</span> of <span>2</span>");
    assertThat(html).containsOnlyOnce("data-id=\"remote/east/guest/1090\"");
    assertThat(html.indexOf("remote/west/guest/1090"))
        .isLessThan(html.indexOf("remote/west/guest/1060"));
    assertThat(html)
        .contains(
            "rel=\"next\" href=\"/resources?dir=desc&amp;page=2&amp;search=%2Btype%3Alxc+%2Bstatus%3Astopped&amp;size=50&amp;sort=vmid\"");
    assertThat(html).contains("value=\"+type:lxc +status:stopped\"");
  }

  @Test
  void aBadSearchShowsTheProblemOnThePageWithStatus400() {
    String html = page("/resources?search=colour:red", 400);

    assertThat(html).contains("data-problem>unknown category &#39;colour&#39; at column 1");
    assertThat(html).doesNotContain("<table>");
  }

  @Test
  void aBadPageNumberIsA400NotA500() {
    assertThat(page("/resources?page=-1", 400)).contains("page must be between 1");
  }
}
