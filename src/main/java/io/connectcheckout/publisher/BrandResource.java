package io.connectcheckout.publisher;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

/** Serves each publisher's colours as a tiny stylesheet: {@code /brand/{slug}.css}. */
@Path("/brand")
public class BrandResource {

    @GET
    @Path("/{slug}.css")
    @Produces("text/css;charset=UTF-8")
    public Response stylesheet(@PathParam("slug") String slug) {
        Brand brand = Brand.DEFAULT.slug().equals(slug)
                ? Brand.DEFAULT
                : Publisher.findBySlug(slug).map(Brand::of).orElseThrow(NotFoundException::new);
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(brand.stylesheet()).cacheControl(cache).build();
    }
}
