package io.badgeflow.admin.web;

import io.badgeflow.model.Require;
import java.time.Instant;
import java.util.Locale;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Query parameters that are instants ({@code at}, {@code from}, {@code to}) are RFC 3339 date-times with an offset,
 * as the OpenAPI document says, and nothing else: Spring's own conversion also takes epoch milliseconds ({@code
 * at=0} would be 1970) and RFC 1123 dates, which no caller means. Anything else is a 400 naming the parameter.
 */
@Configuration(proxyBeanMethods = false)
class IsoInstants implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(Instant.class, new Formatter<Instant>() {
            @Override
            public Instant parse(String text, Locale locale) {
                // RFC 3339 in full (offsets to 23:59, either case), as the door API and the document read it.
                return Require.instant("instant", text.strip());
            }

            @Override
            public String print(Instant instant, Locale locale) {
                return instant.toString();
            }
        });
    }
}
