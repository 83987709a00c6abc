package io.pdmgitops.controller.app;

import io.pdmgitops.controller.git.SnapshotTracker;
import io.pdmgitops.controller.ports.DeclaredRemote;
import io.pdmgitops.controller.security.AuditTrail;
import io.pdmgitops.controller.shell.RemoteShellConnector;
import io.pdmgitops.controller.shell.ShellLimits;
import io.pdmgitops.controller.shell.ShellSessions;
import io.pdmgitops.reconcilers.remote.RemoteClients;
import io.pdmgitops.webui.WebPorts;
import io.pdmgitops.webui.shell.ShellRoutes;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Node shells: their bounds ({@code pdm.shell.*}), the relay and its pages (docs/shell.md). */
@Configuration(proxyBeanMethods = false)
class ShellConfiguration {
  @Bean
  ShellLimits shellLimits(
      @Value("${pdm.shell.per-user:2}") int perUser,
      @Value("${pdm.shell.total:10}") int total,
      @Value("${pdm.shell.idle:15m}") Duration idle,
      @Value("${pdm.shell.max-length:8h}") Duration maxLength) {
    return new ShellLimits(perUser, total, idle, maxLength);
  }

  @Bean(destroyMethod = "close")
  ShellSessions shellSessions(
      SnapshotTracker snapshots,
      RemoteClients clients,
      AuditTrail audit,
      ShellLimits limits,
      Clock clock) {
    return new ShellSessions(
        new RemoteShellConnector(r -> DeclaredRemote.of(snapshots, r), clients),
        audit,
        limits,
        clock);
  }

  @Bean
  RouterFunction<ServerResponse> shellPages(ShellSessions shells, WebPorts ports) {
    return ShellRoutes.pages(shells, ports);
  }

  @Bean
  RouterFunction<ServerResponse> shellApi(ShellSessions shells) {
    return ShellRoutes.api(shells);
  }
}
