package io.badgeflow.admin.imports;

import io.badgeflow.admin.AdminServiceProperties;
import jakarta.servlet.MultipartConfigElement;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The servlet container's limits for form uploads, from {@code badgeflow.admin-service.max-import-size} (Boot's
 * default is 1 MB a file), so a browser upload gets the same 413 as a raw CSV body beyond the limit. The request
 * may be a little larger than the file: the form's boundaries and part headers.
 */
@Configuration(proxyBeanMethods = false)
class ImportUploadConfiguration {

    private static final long FORM_OVERHEAD = 64 * 1024;

    @Bean
    MultipartConfigElement multipartConfigElement(AdminServiceProperties properties) {
        var maxFile = properties.maxImportSize().toBytes();
        return new MultipartConfigElement("", maxFile, maxFile + FORM_OVERHEAD, 0);
    }
}
