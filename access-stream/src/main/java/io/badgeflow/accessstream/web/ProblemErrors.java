package io.badgeflow.accessstream.web;

import java.net.URI;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Every refusal access-stream answers is a complete problem document: Tomcat's own refusals through
 * {@link ProblemReportValve}, and every {@link ProblemDetail} Spring writes gets its {@code type} (RFC 9457's
 * {@code about:blank} when no other applies, which Spring would leave out) and its {@code instance}.
 */
@Configuration(proxyBeanMethods = false)
class ProblemErrors {

    /**
     * Runs after Spring Boot's own Tomcat customizer, which adds an HTML error valve to the host, and puts the
     * problem valve in its place.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve() {
        return new WebServerFactoryCustomizer<>() {
            @Override
            public void customize(TomcatServletWebServerFactory factory) {
                factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
                    if (!org.apache.catalina.Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                        return;
                    }
                    var pipeline = context.getParent().getPipeline();
                    for (Valve valve : pipeline.getValves()) {
                        if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
                            pipeline.removeValve(valve);
                        }
                    }
                    var problems = new ProblemReportValve();
                    problems.setShowReport(false);
                    problems.setShowServerInfo(false);
                    pipeline.addValve(problems);
                }));
            }
        };
    }

    /** Fills in what Spring leaves out of a problem document it writes. */
    @ControllerAdvice
    static class CompleteProblems implements ResponseBodyAdvice<Object>, Ordered {

        static final URI ABOUT_BLANK = URI.create("about:blank");

        @Override
        public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
            return true;
        }

        @Override
        public Object beforeBodyWrite(
                Object body,
                MethodParameter returnType,
                MediaType contentType,
                Class<? extends HttpMessageConverter<?>> converterType,
                ServerHttpRequest request,
                ServerHttpResponse response) {
            if (body instanceof ProblemDetail problem) {
                if (problem.getType() == null) {
                    problem.setType(ABOUT_BLANK);
                }
                if (problem.getInstance() == null) {
                    problem.setInstance(URI.create(request.getURI().getRawPath()));
                }
            }
            return body;
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
