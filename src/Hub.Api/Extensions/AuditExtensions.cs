using Hub.Api.Audit;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hub.Api.Extensions;

/// <summary>Access records (アクセス記録): the chain writer every GraphQL response goes through, and the queries over it.</summary>
internal static class AuditExtensions
{
    /// <summary>Registers the database writer and queries; needs the common database (<c>AddHubDatabase</c>).</summary>
    public static IServiceCollection AddHubAudit(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAccessRecordWriter, DatabaseAccessRecordWriter>();
        services.TryAddSingleton<AccessRecordQueries>();
        return services;
    }
}
