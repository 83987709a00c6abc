package io.pdmgitops.controller.app;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;

/** The running controller: loop, store and HTTP API in one process. */
@SpringBootApplication(proxyBeanMethods = false)
@EnableConfigurationProperties(ControllerProperties.class)
public class PdmGitopsApplication {
  /**
   * Starts the application. The properties (the demo's repository and tokens) take precedence over
   * application.yaml, as command-line arguments do; they are not the process's arguments, so they
   * do not show in process lists.
   */
  public static ConfigurableApplicationContext start(Map<String, Object> properties) {
    SpringApplication app = new SpringApplication(PdmGitopsApplication.class);
    String[] args =
        properties.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    return app.run(args);
  }
}
