using Cleaner.Core.Input;
using Cleaner.Core.Model;

namespace Cleaner.Core.Tests.Html;

public class HtmlContentScorerTests
{
    private static CleanResult Clean(string html) =>
        new CleanerPipeline().Clean(new InputDocument { Id = "t", Text = html, Format = InputFormat.Html });

    private const string Para1 = "The council voted on Tuesday to rebuild the old bridge, a project that has been discussed for a decade, and work will start next spring.";
    private const string Para2 = "Engineers said the new design keeps the stone arches, adds a cycle lane, and should last a hundred years with modest maintenance.";
    private const string Para3 = "Residents, many of whom cross the river daily, welcomed the decision but asked for a temporary ferry during the works.";

    [Fact]
    public void PicksTheArticleContainerOverMenusSidebarsAndFooters()
    {
        var r = Clean($"""
            <body><div class="menu"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></div>
            <div class="sidebar"><p>Popular: <a href="/1">Ten things you missed this week in the city</a></p></div>
            <div class="content"><h1>Bridge to be rebuilt</h1><p>{Para1}</p><p>{Para2}</p><p>{Para3}</p></div>
            <div class="footer"><p>Copyright 2024 Example News, all rights reserved.</p></div></body>
            """);
        Assert.Equal([Para1, Para2, Para3], r.Article.Paragraphs);
        Assert.All(r.Blocks.Where(b => b.Kind != BlockKind.Content && b.Kind.IsBoilerplate()), b => Assert.False(string.IsNullOrEmpty(b.Reason)));
    }

    [Fact]
    public void DataTablesStayAndLinkListsInsideTheArticleGo()
    {
        var r = Clean($"""
            <body><div class="article-body"><p>{Para1}</p>
            <table><tr><th>Year</th><th>Cost</th></tr><tr><td>2024</td><td>3 million</td></tr><tr><td>2025</td><td>5 million</td></tr><tr><td>2026</td><td>1 million</td></tr></table>
            <p>{Para2}</p>
            <ul class="links"><li><a href="/a">Read also: the history of the bridge</a></li><li><a href="/b">Read also: other bridges in the region</a></li></ul>
            <p>{Para3}</p></div></body>
            """);
        Assert.Contains("3 million", r.Article.Paragraphs);
        Assert.Contains(Para3, r.Article.Paragraphs);
        Assert.DoesNotContain(r.Article.Paragraphs, p => p.Contains("Read also"));
    }

    [Fact]
    public void RepeatedValuesInADataTableStayInEveryRow()
    {
        var r = Clean($"""
            <body><div class="article-body"><p>{Para1}</p>
            <table><tr><th>Name</th><th>Commits</th></tr><tr><td>Anna</td><td>56</td></tr><tr><td>Ben</td><td>56</td></tr><tr><td>Carl</td><td>12</td></tr></table>
            <p>{Para2}</p><p>{Para3}</p></div></body>
            """);
        Assert.Equal(2, r.Article.Paragraphs.Count(p => p == "56"));
    }

    [Fact]
    public void APageLongBlockQuotingItsCopyrightLineStays()
    {
        var page = string.Join(" ", Enumerable.Repeat(Para1, 14)) + " Copyright (c) 2014 the authors. All rights reserved. " + Para2;
        var r = Clean($"""
            <body><div class="article-body"><pre>{page}</pre><p>{Para3}</p></div>
            <div class="footer"><p>Copyright 2024 Example News. All rights reserved.</p></div></body>
            """);
        Assert.Contains(r.Article.Paragraphs, p => p.Contains("All rights reserved") && p.EndsWith(Para2));
        Assert.DoesNotContain(r.Article.Paragraphs, p => p.StartsWith("Copyright 2024"));
    }

    [Fact]
    public void ASectionHeadedMostPopularInsideTheArticleGoesWithItsTeasers()
    {
        var r = Clean($"""
            <body><article class="article"><h1>Bridge to be rebuilt</h1><p>{Para1}</p><p>{Para2}</p><p>{Para3}</p>
            <section class="box"><h2>Most Popular</h2><ol>
            <li><a href="/t">Transport</a><h3><a href="/1">A road trip for warm weather every day</a></h3><p>This year-long journey across the country keeps you at consistent high temperatures.</p><a href="/a">Jane Doe</a> <time>Apr 29, 2019</time></li>
            <li><a href="/e">Environment</a><h3><a href="/2">What if air conditioning could help</a></h3><p>Machines in skyscrapers and homes could pull carbon dioxide out of the atmosphere.</p><a href="/b">John Roe</a> <time>Apr 26, 2019</time></li>
            </ol></section></article></body>
            """);
        Assert.Equal([Para1, Para2, Para3], r.Article.Paragraphs);
        Assert.Contains(r.Blocks, b => b.Text.StartsWith("This year-long") && b.Kind == BlockKind.Related);
    }

    [Fact]
    public void ASlideShowWithAPromoClassGoesWithItsCaptionsButAnArticlePartWithSuchAClassStays()
    {
        const string Blurb = "Security forces stormed the museum, freeing hostages and ending a siege by gunmen on Wednesday.";
        const string Slide = "March 18, 2015 Security forces secure the area after gunmen attacked the famed museum in the capital.";
        const string Slide2 = "One of the many mosaics for which the museum is famous, photographed three years before the attack.";
        var body = string.Concat(Enumerable.Range(1, 14).Select(n => $"<p>Paragraph {n}: {Para1}</p>"));
        var r = Clean($"""
            <body><article><p>{Para2}</p>
            <div class="gal gal-embed-promo"><div>1 of 24</div><div>Full Screen</div><div>Autoplay</div><div>Close</div><div>Skip Ad</div>
            <div>{Blurb}</div><div>Caption</div><div>{Slide}</div><div>{Slide2}</div><div>Buy Photo</div><div>Wait 1 second to continue.</div></div>
            {body}<div class="section shared-history"><p>{Para3}</p><p>{Para3} Again.</p><p>{Para3} Once more.</p></div></article></body>
            """);
        Assert.DoesNotContain(r.Article.Paragraphs, p => p is "Full Screen" or Blurb or Slide);
        Assert.Contains(Para2, r.Article.Paragraphs);
        Assert.Contains(Para3 + " Once more.", r.Article.Paragraphs);
    }

    [Fact]
    public void ALinkedSubListInAnItemOfAListOfSentencesStays()
    {
        var r = Clean($"""
            <body><div class="article-body"><p>{Para1}</p><p>{Para2}</p>
            <ul><li>We have the green light for another round of students hacking on the picture player next term.</li>
            <li>In progress:<ul><li><a href="/1">Bug 1677080 – Full-screen player is affected by switching the video source</a></li>
            <li><a href="/2">Bug 1677107 – Add telemetry for tracking multiple player usage</a></li></ul></li>
            <li>Anna fixed the tab unloader so that crashed frames show a message to the user.</li></ul>
            <p>{Para3}</p></div></body>
            """);
        Assert.Contains("Bug 1677107 – Add telemetry for tracking multiple player usage", r.Article.Paragraphs);
    }

    [Fact]
    public void ListsOfSentencesWithLinksStay()
    {
        var r = Clean($"""
            <body><div class="article-body"><p>{Para1}</p><p>{Para2}</p>
            <ul><li><a href="/1">Anna</a> fixed the tab unloader so that crashed frames show a message</li>
            <li>Ben made the toolbar start later, <a href="/2">which speeds up the first window</a></li>
            <li><a href="/3">Carl removed the old file API from the downloads panel</a></li></ul>
            <p>{Para3}</p></div></body>
            """);
        Assert.Contains(r.Article.Paragraphs, p => p.StartsWith("Anna fixed"));
        Assert.Contains("Carl removed the old file API from the downloads panel", r.Article.Paragraphs);
    }

    [Fact]
    public void AnArticleSplitInRepeatedWrappersIsKeptWhole()
    {
        const string Para4 = "The first part of the story, set apart from the rest by a wide picture, explains why the old bridge closed in the first place.";
        const string Para5 = "Inspectors had found cracks in two of the piers, and the council, after a long debate, decided that repairs would cost too much.";
        var r = Clean($"""
            <body><div class="post"><div class="part"><section><div><div><div><p>{Para4}</p><p>{Para5}</p></div></div></div></section></div>
            <figure><img src="a.jpg"><figcaption>The bridge in 1950.</figcaption></figure><h2>The vote</h2>
            <div class="part"><div class="text"><p>{Para1}</p><p>{Para2}</p><p>{Para3}</p></div></div></div>
            <div class="sidebar"><p><a href="/1">Most read: ten things you missed this week</a></p></div></body>
            """);
        Assert.Contains(Para4, r.Article.Paragraphs);
        Assert.Contains(Para3, r.Article.Paragraphs);
    }

    [Fact]
    public void CommentSectionsInsideTheArticleAreRemoved()
    {
        var r = Clean($"""
            <body><article><div class="entry"><p>{Para1}</p><p>{Para2}</p><p>{Para3}</p></div>
            <section id="comments"><div class="comment"><p>I think this is a waste of money, honestly, and nobody asked us about it at all.</p></div></section></article></body>
            """);
        Assert.Equal(3, r.Article.Paragraphs.Count);
        Assert.DoesNotContain(r.Article.Paragraphs, p => p.Contains("waste of money"));
    }

    [Fact]
    public void TheLeadBetweenHeadlineAndBodyStaysButACaptionBeforeItsCreditGoes()
    {
        const string lead = "The city will spend twelve million on a new bridge, the council decided after a long debate.";
        const string caption = "The old bridge seen from the river bank at dusk, shortly before it was closed.";
        var r = Clean($"""
            <body><div class="menu"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></div>
            <div class="head"><h1>Bridge to be rebuilt</h1><div class="standfirst">{lead}</div><div class="date">12.03.2024</div>
            <div class="pic"><span>{caption}</span><span>Foto: dpa</span></div></div>
            <div class="content"><p>{Para1}</p><p>{Para2}</p><p>{Para3}</p></div>
            <div class="footer"><p>Copyright 2024 Example News, all rights reserved.</p></div></body>
            """);
        Assert.Equal([lead, Para1, Para2, Para3], r.Article.Paragraphs);
        Assert.Contains(r.Blocks, b => b.Text == lead && b.Reason!.StartsWith("lead paragraph"));
    }
}
