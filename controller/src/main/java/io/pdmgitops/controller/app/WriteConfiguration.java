package io.pdmgitops.controller.app;

import io.pdmgitops.controller.git.CommitFiles;
import io.pdmgitops.controller.git.GitPoller;
import io.pdmgitops.controller.git.GitWriter;
import io.pdmgitops.controller.git.SnapshotTracker;
import io.pdmgitops.controller.loop.ReconcileLoop;
import io.pdmgitops.controller.plan.Plans;
import io.pdmgitops.controller.security.PolicyInForce;
import io.pdmgitops.controller.write.Edits;
import io.pdmgitops.controller.write.GuestIntents;
import io.pdmgitops.controller.write.Reverts;
import io.pdmgitops.controller.write.ReviewLinks;
import io.pdmgitops.controller.write.ReviewPlans;
import io.pdmgitops.webui.edit.EditRoutes;
import io.pdmgitops.webui.write.IntentRoutes;
import io.pdmgitops.webui.write.RevertRoutes;
import java.time.Clock;
import org.eclipse.jgit.lib.PersonIdent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The write path: changes from the web UI (intents, reverts, the editor) committed to the
 * desired-state repository.
 */
@Configuration(proxyBeanMethods = false)
class WriteConfiguration {
  /** Who commits what users author in the UI. */
  static final PersonIdent COMMITTER = new PersonIdent("pdm-gitops", "pdm-gitops@localhost");

  @Bean
  GitWriter gitWriter(ControllerProperties properties) {
    return new GitWriter(
        LoopConfiguration.gitSettings(properties.repository(), properties.dataDir().resolve("git")),
        COMMITTER,
        properties.repository().writeMode());
  }

  @Bean
  ReviewLinks reviewLinks(ControllerProperties properties) {
    return new ReviewLinks(properties.repository().reviewUrl(), properties.repository().branch());
  }

  @Bean
  ReviewPlans reviewPlans(Plans plans) {
    return new ReviewPlans(plans);
  }

  @Bean
  GuestIntents guestIntents(
      SnapshotTracker snapshots,
      GitWriter writer,
      PolicyInForce policy,
      GitPoller poller,
      ReviewLinks links,
      ReviewPlans plans,
      Clock clock) {
    return new GuestIntents(snapshots, writer, policy, poller::trigger, links, plans, clock);
  }

  @Bean
  RouterFunction<ServerResponse> intentRoutes(GuestIntents intents) {
    return IntentRoutes.routes(intents);
  }

  @Bean
  Reverts reverts(
      SnapshotTracker snapshots,
      GitWriter writer,
      PolicyInForce policy,
      GitPoller poller,
      ReviewLinks links,
      ReviewPlans plans) {
    return new Reverts(snapshots, writer, policy, poller::trigger, links, plans);
  }

  @Bean
  RouterFunction<ServerResponse> revertRoutes(Reverts reverts) {
    return RevertRoutes.routes(reverts);
  }

  @Bean
  Edits edits(
      ControllerProperties properties,
      SnapshotTracker snapshots,
      CommitFiles files,
      GitWriter writer,
      PolicyInForce policy,
      GitPoller poller,
      ReviewLinks links,
      ReviewPlans plans,
      ReconcileLoop loop) {
    return new Edits(
        snapshots,
        files,
        writer,
        policy,
        poller::trigger,
        links,
        plans,
        properties.dataDir().resolve("edits"),
        () -> loop.latestObserved().map(ReconcileLoop.Observed::inventory));
  }

  @Bean
  RouterFunction<ServerResponse> editRoutes(Edits edits) {
    return EditRoutes.routes(edits);
  }
}
