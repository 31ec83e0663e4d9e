package dev.diligence.api.refusal;

import org.apache.catalina.Container;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Makes {@link JsonErrorReportValve} the one error report valve of the API server's host. Runs after
 * Spring Boot's own customizers (lowest precedence), so that the HTML {@link ErrorReportValve} Boot
 * adds to the host is there to be removed; the host is told the valve's class so that it adds no
 * default one when it starts.
 */
@Component
class JsonErrorReportValveInstaller implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final Refusals refusals;

    JsonErrorReportValveInstaller(Refusals refusals) {
        this.refusals = refusals;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> install(context.getParent()));
    }

    private void install(Container container) {
        StandardHost host = (StandardHost) container;
        Pipeline pipeline = host.getPipeline();
        for (Valve valve : pipeline.getValves()) {
            if (valve instanceof ErrorReportValve) {
                pipeline.removeValve(valve);
            }
        }
        pipeline.addValve(new JsonErrorReportValve(refusals));
        host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
