package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.server.http.Route;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The served OpenAPI document parses cleanly and describes exactly the routes the server registers. */
class OpenApiDocumentTest {
    @TempDir
    Path dataDir;

    @Test
    void theDocumentDescribesEveryRouteAndNoOther() {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            var served = server.get("/v3/openapi.json", Map.of());
            assertThat(served.status()).isEqualTo(200);
            SwaggerParseResult result = new OpenAPIV3Parser().readContents(served.body());
            assertThat(result.getMessages()).isEmpty();
            OpenAPI api = result.getOpenAPI();

            Set<String> documented = new TreeSet<>();
            api.getPaths().forEach((path, item) -> item.readOperationsMap().keySet()
                    .forEach(method -> documented.add(method.name() + " " + path)));
            Set<String> registered = new TreeSet<>();
            for (Route route : server.server().routes()) {
                if (!route.api()) {
                    continue;
                }
                registered.add(route.method().name().toUpperCase(Locale.ROOT) + " " + route.openApiPath());
            }
            assertThat(documented).isEqualTo(registered);
        }
    }

    /**
     * A route that refuses query parameters it does not take (QueryParams) documents the ones it takes,
     * and the 400 it answers to any other: a client generated from the document sends nothing else.
     */
    @Test
    void everyRouteThatRefusesOtherQueryParametersDocumentsTheOnesItTakesAndThe400() {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            OpenAPI api = new OpenAPIV3Parser().readContents(server.get("/v3/openapi.json", Map.of()).body()).getOpenAPI();
            for (Route route : server.server().routes()) {
                if (!route.api() || route.query().any()) {
                    continue;
                }
                String name = route.method().name() + " " + route.openApiPath();
                Operation operation = api.getPaths().get(route.openApiPath()).readOperationsMap()
                        .get(PathItem.HttpMethod.valueOf(route.method().name().toUpperCase(Locale.ROOT)));
                List<String> documented = operation.getParameters() == null ? List.of()
                        : operation.getParameters().stream().filter(p -> "query".equals(p.getIn())).map(Parameter::getName).sorted().toList();
                assertThat(documented).as(name).isEqualTo(route.query().names());
                assertThat(operation.getResponses()).as(name).containsKey("400");
            }
        }
    }

    @Test
    void everyOperationDocumentsItsErrorsAsProblems() {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            OpenAPI api = new OpenAPIV3Parser().readContents(server.get("/v3/openapi.json", Map.of()).body()).getOpenAPI();
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                assertThat(operation.getOperationId()).as("%s %s", method, path).isNotBlank();
                operation.getResponses().forEach((status, response) -> {
                    if (status.startsWith("4") || status.startsWith("5")) {
                        var content = response.get$ref() != null ? null : response.getContent();
                        if (content != null && !path.equals("/readyz")) {
                            assertThat(content).as("%s %s %s", method, path, status).containsKey("application/problem+json");
                        }
                    }
                });
            }));
        }
    }

    /**
     * Review finding: a list's name was stripped where the document's pattern refuses a space at its end.
     * The code and the document now share one pattern.
     */
    @Test
    void aListsNameIsDescribedByThePatternTheCodeHoldsItTo() throws Exception {
        try (java.io.InputStream document = OpenApiDocumentTest.class.getResourceAsStream("/openapi.json")) {
            com.fasterxml.jackson.databind.JsonNode name = new com.fasterxml.jackson.databind.ObjectMapper().readTree(document)
                    .at("/components/schemas/NamedListRequest/properties/name");
            assertThat(name.get("pattern").asText()).isEqualTo("^" + io.seatguard.core.policy.ListService.NAME_PATTERN + "$");
        }
    }
}
