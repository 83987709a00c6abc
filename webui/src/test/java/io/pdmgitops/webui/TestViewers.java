package io.pdmgitops.webui;

import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.access.AccessPolicy;
import io.pdmgitops.model.access.Caller;
import io.pdmgitops.webui.access.Viewer;
import java.time.Clock;
import org.springframework.web.server.WebFilter;

/** Puts a caller on each exchange, as the controller's security does in front of the routes. */
public final class TestViewers {
  private TestViewers() {}

  /** A caller who may see everything (the first-start credential). */
  public static Viewer everything() {
    return new Viewer(
        Caller.user("test@pdm"), AccessPolicy.of(DesiredState.empty(), Clock.systemUTC()), true);
  }

  public static WebFilter as(Viewer viewer) {
    return (exchange, chain) -> {
      exchange.getAttributes().put(Viewer.ATTRIBUTE, viewer);
      return chain.filter(exchange);
    };
  }

  public static WebFilter seeingEverything() {
    return as(everything());
  }
}
