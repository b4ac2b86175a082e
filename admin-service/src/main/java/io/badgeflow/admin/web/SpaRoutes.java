package io.badgeflow.admin.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The web UI's own routes all answer with its index.html, so a bookmarked or reloaded page opens the app, which
 * then routes in the browser. {@code /} is Spring Boot's welcome page (the same file). Add a route here, and to
 * {@code SecurityConfiguration.UI_PATHS}, when the UI gains a page.
 */
@Configuration(proxyBeanMethods = false)
class SpaRoutes implements WebMvcConfigurer {

    static final String[] ROUTES = {
        "/login",
        "/employees",
        "/employees/**",
        "/cards",
        "/cards/**",
        "/buildings",
        "/buildings/**",
        "/commands",
        "/imports",
        "/dead-letters",
        "/admin-audit",
        "/who-was-inside",
        "/live",
        "/dashboard",
        "/door-audit",
        "/users",
        "/alarms",
        "/alarm-subscriptions"
    };

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        for (var route : ROUTES) {
            registry.addViewController(route).setViewName("forward:/index.html");
        }
    }
}
