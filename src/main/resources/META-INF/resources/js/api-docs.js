// The browsable JSON API: Swagger UI's own bundle, started from this file rather than the inline script of the
// page Quarkus generates, so the site's Content-Security-Policy (no inline script) holds here too.
const root = document.getElementById("swagger-ui");
if (typeof window.SwaggerUIBundle === "function") {
  window.SwaggerUIBundle({
    url: root.dataset.openapi,
    dom_id: "#swagger-ui",
    deepLinking: true,
    tryItOutEnabled: false,
    validatorUrl: null,
    onComplete: () => root.setAttribute("data-ready", "true"),
  });
} else {
  root.textContent = "Swagger UI did not load; the API description is at /q/openapi.";
}
