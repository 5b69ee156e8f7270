using System.IO.Compression;
using System.Text;
using FactCheck.Detection;

namespace FactCheck.Tests.Detection;

/// <summary>The data format both ways, and the desk's labels merged into the training data.</summary>
public sealed class CheckWorthinessDataTests
{
    [Fact]
    public void Written_sentences_parse_back_as_they_were()
    {
        List<LabelledSentence> sentences =
        [
            new("desk-1", "Unemployment fell to 4.2 percent in 2019.", true),
            new("desk-2", "Thank you, it is good to be here tonight.", false),
            new("desk-3", "\"We cut taxes,\" she said, \"for 95 percent of families.\"", true),
            new("desk-4", "He said \"no\" to that.", false),
            new("desk-5", "", false),
        ];

        var parsed = CheckWorthinessData.Parse(Written(sentences));

        Assert.Equal(sentences, parsed);
    }

    [Fact]
    public void Breaks_inside_a_text_become_one_space_and_the_row_stays_one_row()
    {
        var written = Written([new("desk-7", "Prices rose\t 8 percent\r\nlast year. ", true), new("desk-8", "No\tYes", false)]);

        Assert.Equal("Sentence_id\tText\tclass_label\ndesk-7\tPrices rose 8 percent last year.\tYes\ndesk-8\tNo Yes\tNo\n", written);
        Assert.Equal([new("desk-7", "Prices rose 8 percent last year.", true), new LabelledSentence("desk-8", "No Yes", false)], CheckWorthinessData.Parse(written));
    }

    [Fact]
    public async Task The_async_writer_writes_what_the_writer_does()
    {
        List<LabelledSentence> sentences = [new("desk-1", "Crime fell by a third.", true), new("desk-2", "Welcome back.", false)];
        await using var writer = new StringWriter();

        await CheckWorthinessData.WriteAsync(writer, sentences.ToAsyncEnumerable(), TestContext.Current.CancellationToken);

        Assert.Equal(Written(sentences), writer.ToString());
    }

    [Fact]
    public void Desk_labels_count_several_times_and_their_copies_share_a_fold()
    {
        var baseData = Enumerable.Range(0, 40).Select(i => new LabelledSentence($"{i}", $"debate sentence {i}", i % 4 == 0)).ToList();
        List<LabelledSentence> desk = [new("desk-1", "The budget grew 5 percent.", true), new("desk-2", "Read more below.", false)];

        var data = CheckWorthinessTrainer.WithDeskLabels(baseData, desk);

        Assert.Equal(baseData, data.Take(baseData.Count));
        Assert.Equal(CheckWorthinessTrainer.DeskLabelCopies, data.Count(d => d == desk[0]));
        Assert.Equal(CheckWorthinessTrainer.DeskLabelCopies, data.Count(d => d == desk[1]));
        var fold = CheckWorthinessTrainer.Fold(data);
        foreach (var label in desk)
            Assert.Single(Enumerable.Range(0, data.Count).Where(i => data[i] == label).Select(i => fold[i]).Distinct());
        Assert.All(Enumerable.Range(0, CheckWorthinessTrainer.Folds), k =>
            Assert.Equal(2, Enumerable.Range(0, data.Count).Where(i => fold[i] == k).Select(i => data[i].CheckWorthy).Distinct().Count()));
    }

    [Fact]
    public void Without_desk_labels_the_folds_are_those_the_shipped_model_was_trained_with()
    {
        var data = Enumerable.Range(0, 40).Select(i => new LabelledSentence($"{i}", $"debate sentence {i}", i % 4 == 0)).ToList();

        // The split before desk labels: per sentence, stratified, shuffled with the trainer's seed.
        var before = new int[data.Count];
        var random = new Random(CheckWorthinessTrainer.Seed);
        foreach (var group in Enumerable.Range(0, data.Count).GroupBy(i => data[i].CheckWorthy))
        {
            var k = 0;
            foreach (var i in group.OrderBy(_ => random.Next()))
                before[i] = k++ % CheckWorthinessTrainer.Folds;
        }

        Assert.Equal(before, CheckWorthinessTrainer.Fold(data));
    }

    [Fact]
    public void A_model_written_before_training_times_were_recorded_still_loads_its_metadata()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        using (var entry = new StreamWriter(archive.CreateEntry(CheckWorthinessModel.MetadataEntry).Open()))
            entry.Write("""{"Encoder":"arctic-embed-xs","Threshold":0.3498,"TrainingSentences":22501,"CrossValidatedF1":0.7107,"TrainedOn":"x"}""");
        zip.Position = 0;

        var metadata = CheckWorthinessModel.ReadMetadata(zip);

        Assert.Equal(0.3498, metadata.Threshold);
        Assert.Null(metadata.TrainedAt);
    }

    [Fact]
    public void The_shipped_model_says_when_it_was_trained()
    {
        var trainedAt = CheckWorthinessModel.ShippedMetadata.TrainedAt;

        Assert.Equal(new DateTime(2026, 11, 29, 9, 23, 48, DateTimeKind.Utc), trainedAt);
        Assert.Equal(DateTimeKind.Utc, trainedAt!.Value.Kind);
    }

    private static string Written(IEnumerable<LabelledSentence> sentences)
    {
        var text = new StringBuilder();
        using (var writer = new StringWriter(text))
            CheckWorthinessData.Write(writer, sentences);
        return text.ToString();
    }
}
