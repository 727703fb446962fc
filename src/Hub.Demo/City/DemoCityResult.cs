namespace Hub.Demo.City;

/// <summary>What <see cref="DemoCityGenerator.Generate"/> wrote.</summary>
/// <param name="OutputDirectory">The full path of the output directory.</param>
/// <param name="ResidentRows">Data rows of <c>resident-registry/residents.csv</c>: current, removed and any malformed rows.</param>
/// <param name="CurrentResidents">Residents with status 1 (住民); equals <see cref="DemoCityOptions.Residents"/>.</param>
/// <param name="Households">Households with at least one current resident.</param>
/// <param name="FilesWritten">Each file's path relative to the output directory ('/' separated) and its data rows (header excluded).</param>
public sealed record DemoCityResult(string OutputDirectory, int ResidentRows, int CurrentResidents, int Households, IReadOnlyDictionary<string, int> FilesWritten);
