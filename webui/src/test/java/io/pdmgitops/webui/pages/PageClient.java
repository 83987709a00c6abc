package io.pdmgitops.webui.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.context.support.StaticApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.HandlerStrategies;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.thymeleaf.spring6.SpringWebFluxTemplateEngine;
import org.thymeleaf.spring6.view.reactive.ThymeleafReactiveViewResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** A WebTestClient that renders the module's templates as the application does. */
final class PageClient {
  private PageClient() {}

  /** GETs a page, checks its status and that it is HTML, and returns its text. */
  static String page(WebTestClient client, String uri, int status, Object... variables) {
    var result =
        client.get().uri(uri, variables).exchange().expectBody(String.class).returnResult();
    assertThat(result.getStatus().value())
        .as("%s: %s", uri, result.getResponseBody())
        .isEqualTo(status);
    assertThat(result.getResponseHeaders().getContentType())
        .matches(t -> t.isCompatibleWith(MediaType.TEXT_HTML));
    return result.getResponseBody();
  }

  static WebTestClient of(RouterFunction<ServerResponse> routes) {
    ClassLoaderTemplateResolver templates = new ClassLoaderTemplateResolver();
    templates.setPrefix("templates/");
    templates.setSuffix(".html");
    templates.setTemplateMode(TemplateMode.HTML);
    templates.setCharacterEncoding("UTF-8");
    SpringWebFluxTemplateEngine engine = new SpringWebFluxTemplateEngine();
    engine.setTemplateResolver(templates);
    ThymeleafReactiveViewResolver views = new ThymeleafReactiveViewResolver();
    views.setTemplateEngine(engine);
    StaticApplicationContext context = new StaticApplicationContext();
    context.refresh();
    views.setApplicationContext(context);
    return WebTestClient.bindToRouterFunction(routes)
        .webFilter(io.pdmgitops.webui.TestViewers.seeingEverything())
        .handlerStrategies(HandlerStrategies.builder().viewResolver(views).build())
        .build();
  }
}
