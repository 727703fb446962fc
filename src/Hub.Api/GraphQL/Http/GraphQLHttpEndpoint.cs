using GraphQL;
using GraphQL.Execution;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Hub.Adapters.Catalog;
using Hub.Capabilities.Audit;
using Hub.Capabilities.Audit.Checkpoints;
using Hub.Api.GraphQL.Enforcement;
using Hub.Api.GraphQL.Errors;
using Hub.Api.GraphQL.Limits;
using Hub.Api.GraphQL.Loading;
using Hub.Capabilities.Records;
using Hub.Api.Logging;
using Hub.Api.RequestContext;
using Hub.Capabilities.Requests;
using Hub.Api.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.EntityFrameworkCore;
using Hub.Data;
using Hub.Policy.Administration;
using Hub.Policy.Masks;

namespace Hub.Api.GraphQL.Http;

/// <summary>
/// The hub's own GraphQL-over-HTTP endpoint. In order: negotiate the response type (406), refuse what could be a
/// cross-site request forgery (400, see <see cref="CsrfPreflight"/>), check the body type (415),
/// authenticate (401 UNAUTHENTICATED), read the request (400; 413 LIMIT_EXCEEDED over the body size), check the document's
/// text and the variables against the limits before parsing (LIMIT_EXCEEDED), parse and measure the document
/// (LIMIT_EXCEEDED), refuse a mutation over GET (405), require the request context (CONTEXT_REQUIRED, nothing resolved),
/// validate against the rules and the complexity limit (LIMIT_EXCEEDED, see <see cref="GraphQLLimits"/>), execute within
/// the timeout with the caller's field decisions, write the access record of whatever personal data the result holds (no
/// record, no response: 500 and no data; 503 AUDIT_UNANCHORED when the access log is not anchored), answer. Every answer carries its server time in <c>Server-Timing</c>. Queries,
/// variables and results are never logged.
/// </summary>
internal sealed partial class GraphQLHttpEndpoint(
    IDocumentExecuter<HubSchema> executer,
    IGraphQLSerializer serializer,
    IDbContextFactory<HubDbContext> database,
    FieldMaskCache masks,
    PolicyVersionWatcher policy,
    FieldCatalog catalog,
    IAccessRecordWriter accessRecords,
    GraphQLLimits limits,
    ValidatedDocumentCache documents,
    ValidatedTokenCache tokens,
    LoaderMetrics loaderMetrics,
    TimeProvider time,
    ILogger<GraphQLHttpEndpoint> logger)
{
    public async Task HandleAsync(HttpContext http)
    {
        // The time the hub spent on the request, up to its answer's headers: how long a refusal took is visible to the client.
        var started = time.GetTimestamp();
        http.Response.OnStarting(() =>
        {
            http.Response.Headers["Server-Timing"] = ServerTiming.Format(time.GetElapsedTime(started));
            return Task.CompletedTask;
        });

        var responseType = GraphQLMediaTypes.Negotiate(http.Request.Headers);
        if (responseType is null)
        {
            await WriteErrorAsync(http, StatusCodes.Status406NotAcceptable, GraphQLMediaTypes.Json, HubErrorCodes.BadRequest,
                $"Nothing acceptable in Accept: the endpoint answers {GraphQLMediaTypes.GraphQLResponse} or {GraphQLMediaTypes.Json}.").ConfigureAwait(false);
            return;
        }

        if (CsrfPreflight.Check(http.Request) is { } forgery)
        {
            await WriteErrorAsync(http, StatusCodes.Status400BadRequest, responseType, HubErrorCodes.BadRequest, forgery).ConfigureAwait(false);
            return;
        }

        var isPost = HttpMethods.IsPost(http.Request.Method);
        if (isPost && !GraphQLMediaTypes.IsJsonBody(http.Request.ContentType))
        {
            await WriteErrorAsync(http, StatusCodes.Status415UnsupportedMediaType, responseType, HubErrorCodes.BadRequest,
                $"A POST body must be {GraphQLMediaTypes.Json} (UTF-8).").ConfigureAwait(false);
            return;
        }

        // A token validated before (and still within its lifetime) is not validated again; see ValidatedTokenCache.
        var authorization = http.Request.Headers.Authorization is { Count: 1 } header ? header[0] : null;
        var principal = tokens.Find(authorization);
        if (principal is null)
        {
            var auth = await http.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme).ConfigureAwait(false);
            if (!auth.Succeeded)
            {
                http.Response.Headers.WWWAuthenticate = auth.Failure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
                await WriteErrorAsync(http, StatusCodes.Status401Unauthorized, responseType, HubErrorCodes.Unauthenticated,
                    "A valid bearer token is required (Authorization: Bearer …).").ConfigureAwait(false);
                return;
            }

            principal = auth.Principal;
            tokens.Add(authorization, principal);
        }

        http.User = principal;
        var (request, problem) = isPost
            ? await GraphQLHttpRequestReader.ReadBodyAsync(http.Request, limits.Options, http.RequestAborted).ConfigureAwait(false)
            : GraphQLHttpRequestReader.ReadQueryString(http.Request.Query, limits.Options);
        if (request is null)
        {
            await WriteErrorAsync(http, problem!.Status, responseType, problem.Code, problem.Message).ConfigureAwait(false);
            return;
        }

        // A query validated before (for this operation) is neither checked, parsed nor validated against the spec's rules again.
        var validated = documents.Find(request.Query, request.OperationName);
        var overText = validated is null ? limits.CheckText(request.Query) : null;
        var overVariables = limits.CheckVariables(request.Variables);
        if (overText is not null || overVariables is not null)
        {
            await RefuseAsync(http, responseType, new[] { overText, overVariables }.OfType<string>()).ConfigureAwait(false);
            return;
        }

        var document = validated?.Document ?? TryParse(request.Query);
        if (validated is null && document is not null && limits.CheckDocument(document) is { Count: > 0 } overShape)
        {
            await RefuseAsync(http, responseType, overShape).ConfigureAwait(false);
            return;
        }

        if (!isPost && document is not null && SelectedOperationType(document, request.OperationName) is { } type && type != OperationType.Query)
        {
            http.Response.Headers.Allow = "POST";
            await WriteErrorAsync(http, StatusCodes.Status405MethodNotAllowed, responseType, HubErrorCodes.BadRequest,
                $"Only queries may be sent with GET; send a {type.ToString().ToLowerInvariant()} with POST.").ConfigureAwait(false);
            return;
        }

        var (context, missing) = RequestContextReader.Read(http.Request.Headers, request.Extensions, principal);
        if (context is null)
        {
            var error = HubErrors.Create(HubErrorCodes.ContextRequired,
                $"The request context is incomplete: {string.Join(" and ", missing)} required (or the same under extensions.hub: task, purpose). Nothing was resolved.");

            // data: null says nothing was resolved; graphql-response+json marks it as a request error with 400.
            var refused = new ExecutionResult { Executed = true, Data = null, Errors = [error] };
            await WriteAsync(http, responseType == GraphQLMediaTypes.GraphQLResponse ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK, responseType, refused)
                .ConfigureAwait(false);
            return;
        }

        var gate = CreateGate(context);
        var access = new AccessCollector();
        using var deadline = new ExecutionDeadline(limits.Options.ExecutionTimeout, time, http.RequestAborted);
        ExecutionResult result;
        var loaders = new HubDataLoaders(database, loaderMetrics);
        try
        {
            result = await executer.ExecuteAsync(new ExecutionOptions
            {
                Query = request.Query,
                Document = document,
                OperationName = request.OperationName,
                Variables = request.Variables is { } v ? serializer.ReadNode<Inputs>(v) : null,
                Extensions = request.Extensions is { } e ? serializer.ReadNode<Inputs>(e) : null,
                RequestServices = http.RequestServices,
                User = principal,
                UserContext = UserContext(http, context, gate, loaders, access),
                ValidationRules = validated is null ? limits.Rules : limits.RulesForValidated(validated),
                CancellationToken = deadline.Token,
                UnhandledExceptionDelegate = OnUnhandledExceptionAsync,
            }).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.Expired)
        {
            // Over the time limit: whatever was resolved is dropped, so no personal data leaves and no access record is due.
            await WriteAsync(http, responseType == GraphQLMediaTypes.GraphQLResponse ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK, responseType, deadline.ExpiredResult())
                .ConfigureAwait(false);
            return;
        }
        finally
        {
            // The request's context and connection go back to the pool before the access record and the response.
            await loaders.DisposeAsync().ConfigureAwait(false);
        }

        ArgumentErrors.Recode(result);
        var intakeStatus = IntakeStatus(result);
        if (validated is null && document is not null && result.Executed)
        {
            documents.Add(request.Query, request.OperationName, document);
        }

        // A request error (parse, validation) never executed: 400 under graphql-response+json, 200 under legacy json.
        var status = !result.Executed && responseType == GraphQLMediaTypes.GraphQLResponse ? StatusCodes.Status400BadRequest : intakeStatus ?? StatusCodes.Status200OK;
        if (access.HasPersonalData)
        {
            try
            {
                await accessRecords.AppendAsync(context, access.ToEntry(gate.ActedFor), gate.PolicyVersion, http.RequestAborted).ConfigureAwait(false);
            }
            catch (AuditUnanchoredException unanchored)
            {
                // Not a failure of this request: the log is not anchored (see /healthz). The message holds no request value.
                await WriteAsync(http, StatusCodes.Status503ServiceUnavailable, responseType, new ExecutionResult
                {
                    Executed = true,
                    Data = null,
                    Errors = [HubErrors.Create(HubErrorCodes.AuditUnanchored, unanchored.Message)],
                }).ConfigureAwait(false);
                return;
            }
#pragma warning disable CA1031 // whatever failed, no personal data leaves without its access record
            catch (Exception failure)
#pragma warning restore CA1031
            {
                LogAccessRecordFailure(logger, ExceptionShape.Describe(failure));
                await WriteAsync(http, StatusCodes.Status500InternalServerError, responseType, new ExecutionResult
                {
                    Executed = true,
                    Data = null,
                    Errors = [HubErrors.Create(HubErrorCodes.InternalError, "The access record could not be written, so no data is returned; the failure is logged.")],
                }).ConfigureAwait(false);
                return;
            }
        }

        await WriteAsync(http, status, responseType, result).ConfigureAwait(false);
    }

    // The request's user context; an Idempotency-Key header rides along for submitApplication.
    private static HubUserContext UserContext(HttpContext http, HubRequestContext context, FieldGate gate, HubDataLoaders loaders, AccessCollector access)
    {
        var user = new HubUserContext(context, gate, loaders, access);
        if (http.Request.Headers[Intake.IntakeFields.IdempotencyKeyHeader] is { Count: 1 } key)
        {
            user[Intake.IntakeFields.IdempotencyKeyHeader] = key[0];
        }

        return user;
    }

    // An answer whose only error is an idempotency refusal and that holds no data: 409 (in flight) or 422 (payload changed).
    private static int? IntakeStatus(ExecutionResult result)
    {
        if (result.Errors is not { Count: 1 } errors)
        {
            return null;
        }

        return errors[0].Code switch
        {
            HubErrorCodes.Conflict => StatusCodes.Status409Conflict,
            HubErrorCodes.Unprocessable => StatusCodes.Status422UnprocessableEntity,
            _ => null,
        };
    }

    private FieldGate CreateGate(HubRequestContext context)
    {
        if (context.IsResident)
        {
            // Acting for a household member reads as the policy lets the ground's role read in the portal's task.
            return FieldGate.ForResident(context, catalog, masks.Version, role => masks.Version is null ? null : masks.Get(role, context.Task));
        }

        var mask = masks.Version is null || PolicySubjects.IsRoleOrGround(context.UserId) ? null : masks.Get(context.UserId, context.Task);
        var officer = context.Task == AuditTask.Code
            && policy.CurrentEnforcer is { } enforcer
            && enforcer.GetImplicitRolesForUser(context.UserId, context.Task).Contains(AuditTask.Role, StringComparer.Ordinal);
        return FieldGate.ForStaff(mask, catalog, officer);
    }

    private static GraphQLDocument? TryParse(string query)
    {
        try
        {
            return Parser.Parse(query);
        }
        catch (GraphQLSyntaxErrorException)
        {
            // The executer parses again and reports the syntax error the standard way.
            return null;
        }
    }

    private static OperationType? SelectedOperationType(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var selected = operationName is null
            ? (operations.Count == 1 ? operations[0] : null)
            : operations.FirstOrDefault(o => o.Name is { } n && n.Value.Span.SequenceEqual(operationName));
        return selected?.Operation;
    }

    private Task OnUnhandledExceptionAsync(UnhandledExceptionContext context)
    {
        // The exception only: never the query, its variables or any value.
        LogResolverFailure(logger, context.FieldContext?.FieldDefinition.Name ?? "(operation)", ExceptionShape.Describe(context.OriginalException));

        // The client learns that the field failed, not which engine or exception type was behind it.
        context.Exception = HubErrors.Create(HubErrorCodes.InternalError, "The hub could not resolve this field; the failure is logged.");
        return Task.CompletedTask;
    }

    /// <summary>A request over a limit checked before validation: no data, 400 under graphql-response+json, 200 under legacy json (as validation errors).</summary>
    private Task RefuseAsync(HttpContext http, string responseType, IEnumerable<string> problems) =>
        WriteAsync(http, responseType == GraphQLMediaTypes.GraphQLResponse ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK, responseType, GraphQLLimits.Refusal(problems));

    private Task WriteErrorAsync(HttpContext http, int status, string mediaType, string code, string message) =>
        WriteAsync(http, status, mediaType, new ExecutionResult { Errors = [HubErrors.Create(code, message)] });

    private async Task WriteAsync(HttpContext http, int status, string mediaType, ExecutionResult result)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted).ConfigureAwait(false);
    }

    // Exceptions are logged by their shape (types and frames), never their messages: see ExceptionShape.
    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "The access record could not be written; the response was withheld: {Exception}")]
    private static partial void LogAccessRecordFailure(ILogger logger, string exception);

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "GraphQL resolver for field {Field} failed: {Exception}")]
    private static partial void LogResolverFailure(ILogger logger, string field, string exception);
}
