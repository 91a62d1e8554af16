using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using StreamPredictor.Api.Security;

namespace StreamPredictor.Api.Hosting;

/// <summary>
/// Describes the API's authentication in the OpenAPI document: the <c>X-Api-Key</c> header and bearer tokens, and on
/// each operation the scope it needs (in the description and as a security requirement).
/// </summary>
public sealed class SecuritySchemesTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    private const string ApiKey = "ApiKey";
    private const string Bearer = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKey] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyAuthenticationHandler.HeaderName,
            Description = $"An API key with its scopes ({string.Join(", ", StreamScopes.All)}).",
        };
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A JWT whose 'scope' or 'scp' claim holds the scopes, when the API is configured to accept tokens.",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var policies = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>()
            .Select(a => a.Policy).OfType<string>().Distinct().ToArray();
        if (policies.Length == 0)
        {
            return Task.CompletedTask;
        }

        operation.Description = $"Needs the scope {string.Join(" and ", policies)}.";
        operation.Security ??= [];
        foreach (var scheme in new[] { ApiKey, Bearer })
        {
            operation.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [.. policies],
            });
        }

        return Task.CompletedTask;
    }
}
