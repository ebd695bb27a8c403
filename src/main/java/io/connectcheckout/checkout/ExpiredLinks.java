package io.connectcheckout.checkout;

import io.connectcheckout.publisher.Brand;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * An expired signed link answers 410 with a translated page that says where the receipt is (the
 * confirmation e-mail, or the publisher's customer service), never the order it was for.
 */
public class ExpiredLinks {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance expired(Brand brand);
    }

    private final CheckoutPages pages;

    public ExpiredLinks(CheckoutPages pages) {
        this.pages = pages;
    }

    @ServerExceptionMapper
    public Response expired(ExpiredLinkException e) {
        return pages.page(Templates.expired(e.brand()), Response.Status.GONE.getStatusCode());
    }
}
