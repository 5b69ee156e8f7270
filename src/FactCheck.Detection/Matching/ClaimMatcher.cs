using System.Numerics;
using System.Runtime.InteropServices;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace FactCheck.Detection.Matching;

/// <summary>
/// Finds the claims checked before that may state a new claim's fact. Retrieval, then ranking: candidates
/// come from a BM25 index of the claims and their fact-checks' titles (Lucene, English analyzer: stop
/// words, Porter stems) and from the cosine of sentence embeddings (brute force); each candidate's
/// <see cref="MatchFeatures"/> (both scores, their ranks, shared figures and names) are scored by
/// <see cref="MatchWeights"/> into a ranked list with a confidence level, never a yes/no cut-off.
/// Queries may run concurrently with each other and with <see cref="Add"/> and <see cref="Remove"/>.
/// </summary>
public sealed class ClaimMatcher : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string IdField = "id";
    private const string ClaimField = "claim";
    private const string TitleField = "title";
    private const string ClaimVectorField = "claim_vector";
    private const string TitleVectorField = "title_vector";

    /// <summary>
    /// What Arctic-embed puts before a query (not before the passages searched): on the CheckThat! 2020
    /// training tweets it lifts the embedding's own MAP@5 from 0.76 to 0.83. A caller that passes a
    /// query's embedding to <see cref="Match"/> should embed this prefix and the cleaned text.
    /// </summary>
    public const string QueryInstruction = "Represent this sentence for searching relevant passages: ";

    /// <summary>Candidates taken from each ranking, BM25 and embedding, before they are scored.</summary>
    public const int PoolPerSource = 30;

    /// <summary>Hits read from each BM25 search: enough that a pooled candidate's per-field score is rarely missing.</summary>
    private const int Hits = 100;

    /// <summary>The k of reciprocal rank fusion (Cormack et al., 2009).</summary>
    private const double FusionK = 60;

    private static readonly HashSet<string> IdOnly = [IdField];
    private static readonly string[] BothFields = [ClaimField, TitleField];
    private static readonly string[] ClaimOnly = [ClaimField];
    private static readonly string[] TitleOnly = [TitleField];

    private readonly Func<IReadOnlyList<string>, float[][]>? _embed;
    private readonly LuceneDirectory _directory;
    private readonly bool _ownsDirectory;
    private readonly Analyzer _analyzer = new EnglishAnalyzer(Version);
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;

    // Writers are serialised; the entries (for the cosine and the features) are read under a read lock.
    private readonly System.Threading.Lock _writeGate = new();
    private readonly ReaderWriterLockSlim _entriesLock = new();
    private readonly List<Entry?> _entries = [];
    private readonly Dictionary<string, int> _byId = new(StringComparer.Ordinal);
    private bool _disposed;

    /// <param name="embed">Sentence embeddings (the check-worthiness model's <c>Embed</c>) for candidates and queries that come without; without it, matching is lexical only.</param>
    /// <param name="weights">How features become a score; <see cref="MatchWeights.Default"/> if null.</param>
    /// <param name="directory">Where the index lives: a directory on disk keeps it (and the embeddings) across restarts; in memory if null.</param>
    public ClaimMatcher(Func<IReadOnlyList<string>, float[][]>? embed = null, MatchWeights? weights = null, LuceneDirectory? directory = null)
    {
        _embed = embed;
        Weights = weights ?? MatchWeights.Default;
        _ownsDirectory = directory is null;
#pragma warning disable CA2000 // Disposed with the matcher (_ownsDirectory).
        _directory = directory ?? new RAMDirectory();
#pragma warning restore CA2000
        var config = new IndexWriterConfig(Version, _analyzer)
        {
            // Lucene 4.8 scores with TF-IDF unless told otherwise, at indexing (norms) as at search.
            Similarity = new BM25Similarity(),
            OpenMode = OpenMode.CREATE_OR_APPEND,
        };
        _writer = new IndexWriter(_directory, config);
        _searchers = new SearcherManager(_writer, true, new Bm25SearcherFactory());
        LoadStored();
    }

    public MatchWeights Weights { get; }

    /// <summary>How many candidates the matcher holds.</summary>
    public int Count
    {
        get
        {
            _entriesLock.EnterReadLock();
            try
            {
                return _byId.Count;
            }
            finally
            {
                _entriesLock.ExitReadLock();
            }
        }
    }

    /// <summary>The similarity of the index writer and of the searchers, for tests: BM25 in both.</summary>
    internal (Similarity Writer, Similarity Searcher) Similarities
    {
        get
        {
            var searcher = _searchers.Acquire();
            try
            {
                return (_writer.Config.Similarity, searcher.Similarity);
            }
            finally
            {
                _searchers.Release(searcher);
            }
        }
    }

    /// <summary>Adds candidates, or replaces those with the same id; embeds those that come without an embedding.</summary>
    public void Add(IEnumerable<MatchCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var list = candidates.ToList();
        foreach (var c in list)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(c.Id, nameof(candidates));
            ArgumentNullException.ThrowIfNull(c.Text, nameof(candidates));
        }

        if (list.Count == 0)
            return;
        var claimVectors = Vectors(list, c => c.Text, c => c.Embedding);
        var titleVectors = Vectors(list, c => c.Title, c => c.TitleEmbedding);
        var entries = list.Select((c, i) => Entry.Of(c, claimVectors[i], titleVectors[i])).ToList();

        lock (_writeGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            foreach (var entry in entries)
                _writer.UpdateDocument(new Term(IdField, entry.Id), entry.ToDocument());
            _writer.Commit();

            _entriesLock.EnterWriteLock();
            try
            {
                foreach (var entry in entries)
                    Put(entry);
            }
            finally
            {
                _entriesLock.ExitWriteLock();
            }

            _searchers.MaybeRefreshBlocking();
        }
    }

    public void Add(MatchCandidate candidate) => Add([candidate]);

    public bool Remove(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        lock (_writeGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _entriesLock.EnterWriteLock();
            try
            {
                if (!_byId.Remove(id, out var index))
                    return false;
                _entries[index] = null;
            }
            finally
            {
                _entriesLock.ExitWriteLock();
            }

            _writer.DeleteDocuments(new Term(IdField, id));
            _writer.Commit();
            _searchers.MaybeRefreshBlocking();
            return true;
        }
    }

    /// <summary>
    /// The <paramref name="k"/> candidates most likely to state <paramref name="text"/>'s fact, best first.
    /// <paramref name="embedding"/> is the text's, if the caller has it.
    /// </summary>
    public IReadOnlyList<MatchSuggestion> Match(string text, float[]? embedding = null, int k = 5)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        var query = MatchText.Clean(text);
        if (embedding is null && _embed is not null && query.Length > 0)
            embedding = _embed([QueryInstruction + query])[0];
        var vector = embedding is null ? null : Normalized(embedding);
        var terms = Terms(query);

        Dictionary<string, (float Score, int Rank)> both, claim, title;
        var searcher = _searchers.Acquire();
        try
        {
            both = Search(searcher, terms, BothFields);
            claim = Search(searcher, terms, ClaimOnly);
            title = Search(searcher, terms, TitleOnly);
        }
        finally
        {
            _searchers.Release(searcher);
        }

        var figures = MatchText.Figures(query);
        var names = MatchText.Names(query);
        var scored = new List<MatchSuggestion>();
        _entriesLock.EnterReadLock();
        try
        {
            var cosines = vector is null ? [] : Nearest(vector);
            var pool = both.OrderBy(h => h.Value.Rank).Take(PoolPerSource).Select(h => h.Key)
                .Concat(cosines.Take(PoolPerSource).Select(c => c.Id))
                .Distinct(StringComparer.Ordinal)
                .Where(_byId.ContainsKey); // the index may briefly know of an entry that is gone, or not yet here
            var cosineRank = cosines.Select((c, i) => (c.Id, Rank: i)).ToDictionary(c => c.Id, c => c.Rank, StringComparer.Ordinal);
            var bestCosine = cosines.Count > 0 ? cosines[0].Cosine : 0;
            var top = (Both: Top(both), Claim: Top(claim), Title: Top(title));

            foreach (var id in pool)
            {
                var entry = _entries[_byId[id]]!;
                var hasTitle = entry.Title is not null;
                var inBoth = both.TryGetValue(id, out var b);
                var bm25 = inBoth ? b.Score : 0;
                var bm25Claim = claim.TryGetValue(id, out var c) ? c.Score / top.Claim : 0;
                var bm25Title = hasTitle ? (title.TryGetValue(id, out var t) ? t.Score / top.Title : 0) : bm25Claim;
                var cosineClaim = vector is null || entry.ClaimVector is null ? 0 : Dot(vector, entry.ClaimVector);
                var cosineTitle = vector is null || entry.TitleVector is null ? cosineClaim : Dot(vector, entry.TitleVector);
                var fusion = (inBoth ? 1 / (FusionK + b.Rank + 1) : 0)
                    + (cosineRank.TryGetValue(id, out var r) ? 1 / (FusionK + r + 1) : 0);
                var sharedFigures = figures.Where(entry.Figures.Contains).Order(StringComparer.Ordinal).ToList();
                var sharedNames = names.Where(entry.Words.Contains).Order(StringComparer.Ordinal).ToList();
                var features = new MatchFeatures(
                    Bm25: bm25 / top.Both,
                    Bm25Level: bm25 / (bm25 + 20),
                    Bm25Claim: bm25Claim,
                    Bm25Title: bm25Title,
                    CosineClaim: cosineClaim,
                    CosineTitle: cosineTitle,
                    CosineGap: Math.Max(0, bestCosine - Math.Max(cosineClaim, cosineTitle)),
                    ReciprocalRank: fusion * (FusionK + 1) / 2,
                    FiguresShared: figures.Count == 0 ? 0 : (double)sharedFigures.Count / figures.Count,
                    FiguresConflict: figures.Count > 0 && entry.Figures.Count > 0 && sharedFigures.Count == 0 ? 1 : 0,
                    NamesShared: names.Count == 0 ? 0 : (double)sharedNames.Count / names.Count,
                    NamesCount: Math.Min(sharedNames.Count, 3) / 3.0,
                    Bm25Rank: inBoth ? 1.0 / (1 + b.Rank) : 0,
                    CosineRank: cosineRank.TryGetValue(id, out var cr) ? 1.0 / (1 + cr) : 0);
                var score = Weights.Score(features);
                scored.Add(new MatchSuggestion(id, score, Weights.Confidence(score), features, sharedFigures, sharedNames));
            }
        }
        finally
        {
            _entriesLock.ExitReadLock();
        }

        return [.. scored.OrderByDescending(s => s.Score).ThenBy(s => s.Id, StringComparer.Ordinal).Take(k)];
    }

    public void Dispose()
    {
        lock (_writeGate)
        {
            if (_disposed)
                return;
            _disposed = true;
            _searchers.Dispose();
            _writer.Dispose();
            _analyzer.Dispose();
            _entriesLock.Dispose();
            if (_ownsDirectory)
                _directory.Dispose();
        }
    }

    private static float Top(Dictionary<string, (float Score, int Rank)> hits) => hits.Count == 0 ? 1 : Math.Max(hits.Values.Max(h => h.Score), float.Epsilon);

    /// <summary>The candidates' own or computed embeddings, unit length; null where there is no text or no embedder.</summary>
    private float[]?[] Vectors(List<MatchCandidate> candidates, Func<MatchCandidate, string?> text, Func<MatchCandidate, float[]?> given)
    {
        var vectors = candidates.Select(c => given(c) is { } v ? Normalized(v) : null).ToArray();
        var missing = Enumerable.Range(0, candidates.Count).Where(i => vectors[i] is null && !string.IsNullOrWhiteSpace(text(candidates[i]))).ToList();
        if (_embed is null || missing.Count == 0)
            return vectors;
        var computed = _embed([.. missing.Select(i => text(candidates[i])!)]);
        for (var m = 0; m < missing.Count; m++)
            vectors[missing[m]] = Normalized(computed[m]);
        return vectors;
    }

    private void Put(Entry entry)
    {
        if (_byId.TryGetValue(entry.Id, out var index))
        {
            _entries[index] = entry;
        }
        else
        {
            _byId[entry.Id] = _entries.Count;
            _entries.Add(entry);
        }
    }

    /// <summary>An index on disk comes back with its entries: texts and embeddings are stored in it.</summary>
    private void LoadStored()
    {
        using var reader = DirectoryReader.Open(_writer, true);
        var live = MultiFields.GetLiveDocs(reader);
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            if (live is not null && !live.Get(doc))
                continue;
            Put(Entry.Of(reader.Document(doc)));
        }
    }

    private List<string> Terms(string text)
    {
        var terms = new List<string>();
        using var stream = _analyzer.GetTokenStream(ClaimField, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
            terms.Add(term.ToString());
        stream.End();
        return [.. terms.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>BM25 hits of any of the terms in any of the fields, by candidate id: score and rank (0 = best).</summary>
    private static Dictionary<string, (float Score, int Rank)> Search(IndexSearcher searcher, List<string> terms, string[] fields)
    {
        var hits = new Dictionary<string, (float, int)>(StringComparer.Ordinal);
        if (terms.Count == 0)
            return hits;
        var query = new BooleanQuery();
        foreach (var field in fields)
        {
            foreach (var term in terms)
                query.Add(new TermQuery(new Term(field, term)), Occur.SHOULD);
        }

        var top = searcher.Search(query, Hits);
        for (var rank = 0; rank < top.ScoreDocs.Length; rank++)
        {
            var hit = top.ScoreDocs[rank];
            hits.TryAdd(searcher.Doc(hit.Doc, IdOnly).Get(IdField), (hit.Score, rank));
        }

        return hits;
    }

    /// <summary>The nearest <see cref="Hits"/> entries by the better of claim and title cosine, best first. Call under the read lock.</summary>
    private List<(string Id, double Cosine)> Nearest(float[] vector)
    {
        var nearest = new PriorityQueue<(string Id, double Cosine), double>();
        foreach (var entry in _entries)
        {
            if (entry is null)
                continue;
            var cosine = Math.Max(
                entry.ClaimVector is null ? -1 : Dot(vector, entry.ClaimVector),
                entry.TitleVector is null ? -1 : Dot(vector, entry.TitleVector));
            if (cosine <= -1)
                continue;
            nearest.Enqueue((entry.Id, cosine), cosine);
            if (nearest.Count > Hits)
                nearest.Dequeue();
        }

        var result = new List<(string Id, double Cosine)>(nearest.Count);
        while (nearest.Count > 0)
            result.Add(nearest.Dequeue());
        result.Reverse();
        return result;
    }

    private static double Dot(float[] a, float[] b)
    {
        if (a.Length != b.Length)
            return 0;
        var sum = Vector<float>.Zero;
        var va = MemoryMarshal.Cast<float, Vector<float>>(a);
        var vb = MemoryMarshal.Cast<float, Vector<float>>(b);
        for (var i = 0; i < va.Length; i++)
            sum += va[i] * vb[i];
        var dot = Vector.Sum(sum);
        for (var i = va.Length * Vector<float>.Count; i < a.Length; i++)
            dot += a[i] * b[i];
        return dot;
    }

    private static float[] Normalized(float[] vector)
    {
        double norm = 0;
        foreach (var x in vector)
            norm += x * x;
        if (norm == 0)
            return vector;
        var scale = (float)(1 / Math.Sqrt(norm));
        return [.. vector.Select(x => x * scale)];
    }

    /// <summary>Searchers that score with BM25, as the index was written.</summary>
    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };
    }

    /// <summary>A candidate as the matcher keeps it: unit-length embeddings, its figures and words.</summary>
    private sealed record Entry(string Id, string Text, string? Title, float[]? ClaimVector, float[]? TitleVector, IReadOnlySet<string> Figures, IReadOnlySet<string> Words)
    {
        public static Entry Of(MatchCandidate c, float[]? claimVector, float[]? titleVector)
        {
            var title = string.IsNullOrWhiteSpace(c.Title) ? null : c.Title;
            var both = title is null ? c.Text : $"{c.Text}\n{title}";
            return new Entry(c.Id, c.Text, title, claimVector, titleVector, MatchText.Figures(both), MatchText.Words(both));
        }

        public static Entry Of(Document doc) => Of(
            new MatchCandidate(doc.Get(IdField), doc.Get(ClaimField), doc.Get(TitleField)),
            Floats(doc.GetBinaryValue(ClaimVectorField)),
            Floats(doc.GetBinaryValue(TitleVectorField)));

        public Document ToDocument()
        {
            var doc = new Document
            {
                new StringField(IdField, Id, Field.Store.YES),
                new TextField(ClaimField, Text, Field.Store.YES),
            };
            if (Title is not null)
                doc.Add(new TextField(TitleField, Title, Field.Store.YES));
            if (ClaimVector is not null)
                doc.Add(new StoredField(ClaimVectorField, ClaimSimilarity.ToBytes(ClaimVector)));
            if (TitleVector is not null)
                doc.Add(new StoredField(TitleVectorField, ClaimSimilarity.ToBytes(TitleVector)));
            return doc;
        }

        private static float[]? Floats(BytesRef? bytes)
        {
            if (bytes is null)
                return null;
            var floats = new float[bytes.Length / sizeof(float)];
            Buffer.BlockCopy(bytes.Bytes, bytes.Offset, floats, 0, floats.Length * sizeof(float));
            return floats;
        }
    }
}
