<?xml version="1.0" encoding="UTF-8"?>
<!-- A feed (Atom or RSS 2.0) opened in a browser: a readable page that lists the entries and
     explains how to subscribe. Feed readers ignore it (see sunlight_site.feeds.STYLESHEET_PI).
     No script and no inline style: the page keeps the site's Content-Security-Policy. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:atom="http://www.w3.org/2005/Atom"
    exclude-result-prefixes="atom">
  <xsl:output method="html" encoding="UTF-8" doctype-system="about:legacy-compat" indent="yes"/>

  <xsl:variable name="title" select="/atom:feed/atom:title | /rss/channel/title"/>
  <xsl:variable name="page" select="/atom:feed/atom:link[not(@rel) or @rel='alternate']/@href | /rss/channel/link"/>
  <xsl:variable name="self" select="(/atom:feed/atom:link[@rel='self'] | /rss/channel/atom:link[@rel='self'])/@href"/>

  <xsl:template match="/">
    <html lang="zh-CN">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$title"/>（订阅源）</title>
        <link rel="stylesheet" href="/theme/css/site.css"/>
        <link rel="stylesheet" href="/theme/css/feed.css"/>
      </head>
      <body>
        <main id="main" class="feed-preview">
          <p class="feed-badge">订阅源</p>
          <h1><xsl:value-of select="$title"/></h1>
          <section class="feed-howto" aria-labelledby="howto">
            <h2 id="howto">如何订阅</h2>
            <p>这是一个订阅源（<xsl:choose><xsl:when test="/rss">RSS</xsl:when><xsl:otherwise>Atom</xsl:otherwise></xsl:choose>），供阅读器软件自动获取本栏目的更新，不是给人直接阅读的网页。</p>
            <ol>
              <li>复制下面的订阅地址（也就是浏览器地址栏中的网址）。</li>
              <li>打开您使用的 RSS 阅读器（电脑或手机上的阅读器应用、浏览器扩展均可），选择“添加订阅”，粘贴这个地址。</li>
              <li>以后本栏目一有新内容，阅读器就会自动显示，无需再来网站查看。</li>
            </ol>
            <p>订阅地址：<code class="feed-url"><xsl:value-of select="$self"/></code></p>
            <p><a href="{$page}">查看本栏目的网页</a></p>
          </section>
          <section aria-labelledby="entries">
            <h2 id="entries">最新内容</h2>
            <xsl:choose>
              <xsl:when test="/atom:feed/atom:entry | /rss/channel/item">
                <ol class="feed-entries">
                  <xsl:apply-templates select="/atom:feed/atom:entry | /rss/channel/item"/>
                </ol>
              </xsl:when>
              <xsl:otherwise><p>暂无内容。</p></xsl:otherwise>
            </xsl:choose>
          </section>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="atom:entry">
    <li>
      <a href="{atom:link[not(@rel) or @rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a>
      <span class="meta"><xsl:text> </xsl:text><time datetime="{atom:updated}"><xsl:value-of select="substring(atom:updated, 1, 10)"/></time></span>
      <xsl:if test="atom:summary">
        <p class="feed-summary"><xsl:value-of select="atom:summary"/></p>
      </xsl:if>
    </li>
  </xsl:template>

  <xsl:template match="item">
    <li>
      <a href="{link}"><xsl:value-of select="title"/></a>
      <span class="meta"><xsl:text> </xsl:text><xsl:value-of select="pubDate"/></span>
      <xsl:if test="description">
        <p class="feed-summary"><xsl:value-of select="description"/></p>
      </xsl:if>
    </li>
  </xsl:template>
</xsl:stylesheet>
