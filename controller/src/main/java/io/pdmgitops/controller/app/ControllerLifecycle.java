package io.pdmgitops.controller.app;

import io.pdmgitops.controller.git.GitPoller;
import io.pdmgitops.controller.loop.ReconcileLoop;
import org.springframework.context.SmartLifecycle;

/** Starts the loop and the Git poller once everything is wired, and stops them first. */
final class ControllerLifecycle implements SmartLifecycle {
  private final ReconcileLoop loop;
  private final GitPoller poller;
  private volatile boolean running;

  ControllerLifecycle(ReconcileLoop loop, GitPoller poller) {
    this.loop = loop;
    this.poller = poller;
  }

  @Override
  public void start() {
    loop.start();
    poller.start();
    running = true;
  }

  @Override
  public void stop() {
    poller.close();
    loop.close();
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
