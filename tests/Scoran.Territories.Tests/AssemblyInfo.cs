using Scoran.Testing;

// France is imported once per engine for the whole assembly; tests only read it.
[assembly: AssemblyFixture(typeof(SqliteImportedTerritories))]
[assembly: AssemblyFixture(typeof(PostgresImportedTerritories))]
