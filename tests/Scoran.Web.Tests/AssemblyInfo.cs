using Scoran.Testing;

[assembly: AssemblyFixture(typeof(SqliteImportedTerritories))]
[assembly: AssemblyFixture(typeof(PostgresImportedTerritories))]
