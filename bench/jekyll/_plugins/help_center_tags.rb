# Stand-ins for the help center's four Liquid tags, written for doclint's comparison runs
# from the behaviour recorded in fixtures/conformance/liquid-tags.json: callout and table
# convert their body with their own kramdown run; icon takes 1-3 words; image renders a
# lightbox link and figure with the caption as alt text.
module HelpCenter
  class Callout < Liquid::Block
    TYPES = { 'info' => ['info-circle', 'Note'], 'warning' => ['warning', 'Warning'], 'success' => ['lightbulb-o', 'Tip'] }.freeze

    def initialize(tag_name, markup, tokens)
      super
      @type = markup.strip
      unless TYPES.key?(@type)
        Jekyll.logger.warn "{% callout #{@type} %} not supported. Defaulting to 'info'"
        @type = 'info'
      end
    end

    def render(context)
      converter = context.registers[:site].find_converter_instance(Jekyll::Converters::Markdown)
      icon, title = TYPES[@type]
      "<div class=\"callout callout-#{@type}\">\n<h5><i class=\"fa fa-#{icon}\"></i> #{title}</h5>\n#{converter.convert(super)}\n</div>"
    end
  end

  class Table < Liquid::Block
    def render(context)
      context.registers[:site].find_converter_instance(Jekyll::Converters::Markdown).convert(super)
    end
  end

  class Icon < Liquid::Tag
    def render(_context)
      match = @markup.strip.match(/\A(\S+) ?(\S+)? ?(\S+)?\z/)
      raise ArgumentError, "Syntax error in tag 'icon' while parsing the following markup: #{@markup}" unless match

      "<i class=\"fa #{[match[1], match[2]].compact.join(' ')}\"></i>"
    end
  end

  class Image < Liquid::Tag
    def render(context)
      path, caption = @markup.strip.split(' ', 2)
      raise ArgumentError, "Syntax error in tag 'image' while parsing the following markup: #{@markup}" if path.nil?

      src = "#{context.registers[:site].config['baseurl']}/images/#{path}"
      "<figure>\n<a href=\"#{src}\" target=\"_blank\" rel=\"lightbox\">\n<img class=\"img-responsive\" src=\"#{src}\" alt=\"#{caption}\" />\n</a>\n<figcaption>#{caption}</figcaption>\n</figure>"
    end
  end
end

Liquid::Template.register_tag('callout', HelpCenter::Callout)
Liquid::Template.register_tag('table', HelpCenter::Table)
Liquid::Template.register_tag('icon', HelpCenter::Icon)
Liquid::Template.register_tag('image', HelpCenter::Image)
