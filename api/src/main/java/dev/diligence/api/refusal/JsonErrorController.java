package dev.diligence.api.refusal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The error page ({@code server.error.path}, {@code /error}) in place of Spring Boot's, which answers
 * browsers with its HTML whitelabel page: every error a servlet, filter or Spring MVC sends
 * ({@code sendError}, e.g. 404 for an unknown path, 500 for an escaped failure) is answered as
 * {@link Refusals} writes it, for the path that was requested. Requested directly, the error page
 * is a path like any unknown one: 404.
 */
@Controller
class JsonErrorController implements ErrorController {

    private final Refusals refusals;

    JsonErrorController(Refusals refusals) {
        this.refusals = refusals;
    }

    @RequestMapping("${server.error.path:/error}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer status) {
            refusals.write(
                    (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), response, Refusal.of(status));
        } else {
            refusals.write(request, response, Refusal.of(404));
        }
    }
}
