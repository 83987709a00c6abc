package io.pdmgitops.controller;

import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Prints every thread's stack when a test fails: a test that runs the controller in its own JVM and
 * sees it hang can then be read from the build log.
 */
public final class ThreadsOnFailure implements TestExecutionExceptionHandler {
  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable e) throws Throwable {
    StringBuilder out = new StringBuilder(context.getDisplayName() + " failed; threads:");
    for (Map.Entry<Thread, StackTraceElement[]> t : Thread.getAllStackTraces().entrySet()) {
      out.append("\n\"").append(t.getKey().getName()).append("\" ").append(t.getKey().getState());
      StackTraceElement[] stack = t.getValue();
      for (int i = 0; i < Math.min(stack.length, 30); i++) {
        out.append("\n    at ").append(stack[i]);
      }
    }
    System.out.println(out);
    throw e;
  }
}
